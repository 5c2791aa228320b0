import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

describe("logger", () => {
  it("redacts personal data wherever it sits and keeps the request id", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
    const log = createLogger(sink as unknown as Parameters<typeof createLogger>[0]).child({ reqId: "req-1" });
    log.info(
      {
        email: "a@example.org",
        customer: { name: "Jan Jansen", phone: "0612345678" },
        mail: { body: "secret text", meta: { from: "b@example.org" } },
        params: ["x@example.org"],
        queue: "frontdesk",
      },
      "something happened",
    );
    const out = lines.join("");
    for (const personal of ["a@example.org", "Jan Jansen", "0612345678", "secret text", "b@example.org", "x@example.org"])
      expect(out).not.toContain(personal);
    expect(out).toContain('"reqId":"req-1"');
    expect(out).toContain('"queue":"frontdesk"');
  });
});
