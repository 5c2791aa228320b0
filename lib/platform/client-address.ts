import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/**
 * The client's address, as the web server (scripts/web-server.ts) works it out for every request: the
 * socket's peer, or — only when that peer is a trusted proxy (TRUSTED_PROXIES) — the address the proxies
 * report in X-Forwarded-For, walked from the right through the trusted hops (proxy-addr, Express's).
 * The result travels to the app in CLIENT_IP_HEADER, which the server always overwrites, so a client
 * cannot choose its own address (and so its own rate-limit quota) by sending X-Forwarded-For.
 *
 * TRUSTED_PROXIES: unset = none (the socket address is the client); a number n = the n proxies in front of
 * the app, whatever their addresses (for a load balancer with changing addresses); or a comma-separated
 * list of addresses / CIDRs (and proxy-addr's names loopback, linklocal, uniquelocal).
 */
export { CLIENT_IP_HEADER } from "./client-ip-header";

export type TrustFn = (addr: string, hop: number) => boolean;

export function trustFunction(config: string | undefined): TrustFn {
  const v = config?.trim();
  if (!v) return () => false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_addr, hop) => hop < hops;
  }
  return proxyAddr.compile(
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** `::ffff:10.0.0.1` → `10.0.0.1`, so one client has one key whichever way the socket reports it. */
const normalize = (a: string) => (a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a);

export function clientAddressOf(req: IncomingMessage, trust: TrustFn): string {
  if (!req.socket?.remoteAddress) return "unknown";
  return normalize(proxyAddr(req, trust));
}
