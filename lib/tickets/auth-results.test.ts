import { describe, expect, it } from "vitest";
import { authFailed, headerFields, parseAuthResultsHeader, trustedAuthResults } from "./auth-results";

const mail = (headers: string[]) => `${headers.join("\r\n")}\r\n\r\nAuthentication-Results: mx.ind.example; dmarc=pass (in the body)\r\n`;

describe("Authentication-Results (RFC 8601)", () => {
  it("parses methods, results and properties, ignoring comments and versions", () => {
    const p = parseAuthResultsHeader(
      'mx.ind.example 1; spf=pass (sender SPF authorized) smtp.mailfrom=ana@example.org; dkim=pass (2048-bit key) header.d=example.org header.s="s1"; dmarc/1=fail (p=reject) header.from=example.org',
    );
    expect(p?.authservId).toBe("mx.ind.example");
    expect(p?.results).toEqual([
      { method: "spf", result: "pass", props: { "smtp.mailfrom": "ana@example.org" } },
      { method: "dkim", result: "pass", props: { "header.d": "example.org", "header.s": "s1" } },
      { method: "dmarc", result: "fail", props: { "header.from": "example.org" } },
    ]);
    expect(parseAuthResultsHeader("mx.ind.example; none")?.results).toEqual([]);
  });

  it("unfolds header lines and stops at the body", () => {
    const f = headerFields("Subject: a\r\n b\r\nX-A: 1\r\n\r\nSubject: not a header");
    expect(f).toEqual([
      { name: "subject", value: "a b" },
      { name: "x-a", value: "1" },
    ]);
  });

  it("trusts only the configured authserv-id; the topmost header wins per method", () => {
    const raw = mail([
      "Authentication-Results: MX.IND.EXAMPLE;\r\n spf=softfail smtp.mailfrom=x@spoof.example;\r\n dkim=fail header.d=spoof.example; dkim=pass header.d=relay.example",
      "Authentication-Results: mx.ind.example; dmarc=fail header.from=bank.example",
      "Received: from spoof.example by mx.ind.example",
      // added by the sender: another id, or ours further down (a front MTA would have removed it)
      "Authentication-Results: evil.example; spf=pass; dkim=pass; dmarc=pass",
      "Authentication-Results: mx.ind.example; spf=pass; dkim=pass header.d=bank.example; dmarc=pass",
      "From: Bank <info@bank.example>",
      "Subject: hi",
    ]);
    expect(trustedAuthResults(raw, "mx.ind.example")).toEqual({
      authservId: "mx.ind.example",
      spf: "softfail",
      spfDomain: "spoof.example",
      dkim: "pass",
      dkimDomain: "relay.example",
      dmarc: "fail",
      fromDomain: "bank.example",
    });
    expect(trustedAuthResults(raw, "other.example")).toBeNull();
    expect(trustedAuthResults(raw, undefined)).toBeNull();
    expect(trustedAuthResults(mail(["Subject: none"]), "mx.ind.example")).toBeNull();
  });

  it("flags a failed DMARC, or SPF failing without a passing DKIM", () => {
    expect(authFailed({ authservId: "x", dmarc: "fail", spf: "pass" })).toBe(true);
    expect(authFailed({ authservId: "x", dmarc: "pass", spf: "fail" })).toBe(false);
    expect(authFailed({ authservId: "x", spf: "fail" })).toBe(true);
    expect(authFailed({ authservId: "x", spf: "fail", dkim: "pass" })).toBe(false);
    expect(authFailed(null)).toBe(false);
  });
});
