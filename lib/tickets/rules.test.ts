import { describe, expect, it } from "vitest";
import {
  ackSuppressionReason,
  fillPlaceholders,
  guessLanguage,
  referencedMessageIds,
  replySubject,
  threadAction,
  ticketNumberFromSubject,
} from "./rules";
import { sanitizeEmailHtml, textToHtml } from "./sanitize";

const now = new Date("2027-03-10T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe("threading", () => {
  it("finds the ticket tag in a subject", () => {
    expect(ticketNumberFromSubject("Re: Uw vraag [KIC-123]")).toBe(123);
    expect(ticketNumberFromSubject("RE: [kic-7] x")).toBe(7);
    expect(ticketNumberFromSubject("KIC-123 without brackets")).toBeNull();
    expect(ticketNumberFromSubject(undefined)).toBeNull();
  });
  it("lists referenced Message-IDs, In-Reply-To first", () => {
    expect(referencedMessageIds("<c@x>", "<a@x> <b@x>")).toEqual(["<c@x>", "<b@x>", "<a@x>"]);
    expect(referencedMessageIds(null, ["<a@x>", "<b@x>"])).toEqual(["<b@x>", "<a@x>"]);
    expect(referencedMessageIds(undefined, undefined)).toEqual([]);
  });
  it("appends to active tickets, reopens within 30 days, else opens a linked ticket", () => {
    const base = { solvedAt: null, closedAt: null, updatedAt: daysAgo(1) };
    expect(threadAction({ ...base, status: "open" }, now)).toBe("append");
    expect(threadAction({ ...base, status: "pending" }, now)).toBe("append");
    expect(threadAction({ ...base, status: "solved", solvedAt: daysAgo(29) }, now)).toBe("reopen");
    expect(threadAction({ ...base, status: "closed", solvedAt: daysAgo(31) }, now)).toBe("new_linked");
    expect(threadAction({ ...base, status: "closed", closedAt: daysAgo(5) }, now)).toBe("reopen");
  });
  it("builds reply subjects with one tag", () => {
    expect(replySubject("Vraag over mijn aanvraag", 12)).toBe("Re: Vraag over mijn aanvraag [KIC-12]");
    expect(replySubject("Re: Vraag [KIC-12]", 12)).toBe("Re: Vraag [KIC-12]");
  });
  it("fills placeholders", () => {
    expect(fillPlaceholders("Beste {{name}}, over {{ ticket }}:", { name: "Ana", ticket: 5 })).toBe("Beste Ana, over KIC-5:");
  });
});

describe("auto-acknowledgement suppression", () => {
  const ok = (h: Record<string, string>, from = "ana@example.org", mid?: string) =>
    ackSuppressionReason(new Map(Object.entries(h)), from, "ind.example", mid);
  it("acknowledges ordinary mail", () => {
    expect(ok({})).toBeNull();
    expect(ok({ "auto-submitted": "no" })).toBeNull();
    expect(ok({ precedence: "first-class" })).toBeNull();
  });
  it("never answers automatic, bulk, list or loop mail", () => {
    expect(ok({ "auto-submitted": "auto-replied" })).toBe("auto_submitted");
    expect(ok({ "auto-submitted": "auto-generated; foo" })).toBe("auto_submitted");
    for (const p of ["bulk", "list", "junk", "Bulk"]) expect(ok({ precedence: p })).toBe("precedence");
    expect(ok({ "x-loop": "kic" })).toBe("x_loop");
    expect(ok({ "list-unsubscribe": "<mailto:u@x>" })).toBe("list");
    expect(ok({ "x-auto-response-suppress": "All" })).toBe("auto_response_suppress");
  });
  it("never answers daemons, no-reply senders or our own domain", () => {
    for (const f of ["MAILER-DAEMON@x.org", "postmaster@x.org", "noreply@x.org", "no-reply@x.org", "donotreply@x.org"])
      expect(ok({}, f)).toBe("daemon_sender");
    expect(ok({}, "kic@ind.example")).toBe("own_domain");
    expect(ok({}, "someone@else.org", "<abc@ind.example>")).toBe("own_message_id");
    expect(ok({}, null as unknown as string)).toBe("no_sender");
  });
});

describe("language guess", () => {
  it("tells Dutch from English, falls back on a tie", () => {
    expect(guessLanguage("Beste meneer, ik heb een vraag over mijn verblijfsvergunning.")).toBe("nl");
    expect(guessLanguage("Dear sir, I have a question about my residence permit application.")).toBe("en");
    expect(guessLanguage("12345", "en")).toBe("en");
  });
});

describe("HTML sanitiser", () => {
  it("removes scripts, event handlers and javascript: links", () => {
    const out = sanitizeEmailHtml(
      `<p onclick="steal()">Hallo<script>alert(1)</script></p><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">klik</a><a href="JaVaScRiPt:alert(4)">2</a><svg onload="alert(5)"></svg><iframe src="https://evil.example"></iframe><style>body{}</style>`,
    );
    expect(out).not.toMatch(/script|onerror|onclick|onload|javascript:|iframe|<style|<svg/i);
    expect(out).toContain("Hallo");
  });
  it("blocks remote images until asked, and opens links safely", () => {
    const html = `<img src="https://tracker.example/p.gif" alt="logo"><a href="https://ind.nl">ind</a>`;
    const blocked = sanitizeEmailHtml(html);
    expect(blocked).not.toMatch(/\ssrc=/);
    expect(blocked).toContain('data-blocked-src="https://tracker.example/p.gif"');
    expect(blocked).toContain('target="_blank"');
    expect(blocked).toMatch(/rel="noopener[^"]*"/);
    expect(sanitizeEmailHtml(html, { showImages: true })).toContain('src="https://tracker.example/p.gif"');
    expect(sanitizeEmailHtml(`<img src="data:image/svg+xml,<svg onload=alert(1)>">`, { showImages: true })).not.toMatch(/\ssrc=/);
  });
  it("escapes agents' plain text", () => {
    expect(textToHtml("a <b>\n\nc")).toBe('<div style="font-family:sans-serif"><p>a &lt;b&gt;</p><p>c</p></div>');
  });
});
