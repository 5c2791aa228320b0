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
  it("the findings (9:12(1)) go to the person concerned as well, without the complainant's ombudsman paragraph", () => {
    const pc = renderLetter("decision", "nl", {
      ...ctx,
      name: "Afdeling Verblijf",
      outcome: "founded",
      reasons: "Te lang.",
      toPersonConcerned: true,
    }).body;
    expect(pc).toContain("9:12, eerste lid");
    expect(pc).toContain("gegrond");
    expect(pc).not.toContain("Nationale ombudsman");
  });
  it("further postponement with consent (9:11(3)) and the withdrawal are confirmed to both parties", () => {
    expect(
      renderLetter("consent_postponement", "en", { ...ctx, until: "2026-06-30", on: "2026-04-01", toPersonConcerned: true }).body,
    ).toContain("With the complainant's consent");
    expect(renderLetter("withdrawal", "nl", { ...ctx, on: "2026-04-02" }).body).toContain("op 2026-04-02 ingetrokken");
    expect(renderLetter("withdrawal", "en", { ...ctx, on: "2026-04-02", toPersonConcerned: true }).body).toContain(
      "withdrawn by the complainant on 2026-04-02",
    );
  });
  it("the hearing invitation (9:10(1)) also to the person concerned", () => {
    expect(renderLetter("hearing", "nl", { ...ctx, on: "2026-04-20", toPersonConcerned: true }).body).toContain("artikel 9:10");
  });
});
