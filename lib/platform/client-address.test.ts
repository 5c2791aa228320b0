import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddressOf, trustFunction } from "./client-address";

const req = (socket: string, xff?: string) =>
  ({
    socket: { remoteAddress: socket },
    connection: { remoteAddress: socket },
    headers: xff ? { "x-forwarded-for": xff } : {},
  }) as unknown as IncomingMessage;

describe("client address", () => {
  it("without trusted proxies, the socket is the client, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(req("203.0.113.9", "1.2.3.4"), trustFunction(undefined))).toBe("203.0.113.9");
    expect(clientAddressOf(req("::ffff:203.0.113.9"), trustFunction(""))).toBe("203.0.113.9");
  });

  it("a hop count believes that many proxies, from the right", () => {
    const one = trustFunction("1");
    expect(clientAddressOf(req("10.0.0.2", "6.6.6.6, 198.51.100.7"), one)).toBe("198.51.100.7"); // the client's own 6.6.6.6 is ignored
    expect(clientAddressOf(req("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1"), trustFunction("2"))).toBe("198.51.100.7");
  });

  it("a CIDR list believes only those proxies", () => {
    const lb = trustFunction("10.0.0.0/8");
    expect(clientAddressOf(req("10.0.0.2", "6.6.6.6, 198.51.100.7"), lb)).toBe("198.51.100.7");
    expect(clientAddressOf(req("203.0.113.9", "198.51.100.7"), lb)).toBe("203.0.113.9"); // not from our proxy
  });
});
