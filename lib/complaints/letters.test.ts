import { describe, expect, it } from "vitest";
import { renderLetter } from "./letters";

const ctx = { reference: "K-2026-00123", name: "Jane Doe", receivedOn: "2026-03-02", deadline: "2026-04-13" };

describe("letters in the complainant's language", () => {
  it("the acknowledgement (9:6) carries reference and deadline", () => {
    for (const l of ["nl", "en"] as const) {
      const { subject, body } = renderLetter("acknowledgement", l, ctx);
      expect(subject).toContain("K-2026-00123");
      expect(body).toContain("2026-04-13");
    }
    expect(renderLetter("acknowledgement", "en", ctx).body).toContain("Dear Jane Doe");
    expect(renderLetter("acknowledgement", "nl", ctx).body).toContain("Geachte Jane Doe");
  });
  it("the decision (9:12) names the Nationale ombudsman and the one-year term", () => {
    const nl = renderLetter("decision", "nl", { ...ctx, outcome: "partly_founded", reasons: "Te lang." }).body;
    expect(nl).toContain("gedeeltelijk gegrond");
    expect(nl).toMatch(/binnen een jaar.*Nationale ombudsman/);
    const en = renderLetter("decision", "en", { ...ctx, outcome: "unfounded", reasons: "In time." }).body;
    expect(en).toMatch(/National Ombudsman \(Nationale ombudsman\).*within one year/s);
  });
  it("the postponement notice (9:11(2)) names the new date, also to the person concerned", () => {
    expect(renderLetter("postponement", "nl", { ...ctx, until: "2026-05-11" }).body).toContain("9:11, tweede lid");
    expect(renderLetter("postponement", "en", { ...ctx, until: "2026-05-11", toPersonConcerned: true }).body).toContain("concerns you");
  });
});
