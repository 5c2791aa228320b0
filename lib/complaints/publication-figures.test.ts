import { describe, expect, it } from "vitest";
import { atwCalendar } from "./deadline";
import { monthlyFigures, monthsBetween, publicationCsv, type PublicationRow } from "./publication-figures";

const cal = atwCalendar();
const row = (r: Partial<PublicationRow>): PublicationRow => ({
  receivedOn: "2026-03-02",
  closedOn: null,
  deadline: "2026-04-13",
  closedAs: null,
  outcome: null,
  category: "behandelduur",
  ...r,
});

describe("the monthly publication (the IND's form)", () => {
  const rows = [
    // received in March, handled in April within six weeks (Awb 9:11(1)), founded
    row({ closedOn: "2026-04-10", closedAs: "decided", outcome: "founded" }),
    // received in March, handled in April after the six weeks but within a lawful postponement (9:11(2))
    row({ category: "dienstverlening", closedOn: "2026-04-20", deadline: "2026-05-11", closedAs: "decided", outcome: "unfounded" }),
    // received in March, withdrawn in April: counted apart, neither on time nor late
    row({ category: "bejegening", closedOn: "2026-04-02", closedAs: "withdrawn", outcome: "withdrawn" }),
    // received in April, still open
    row({ receivedOn: "2026-04-07", deadline: "2026-05-19" }),
  ];
  const [march, april] = monthlyFigures(rows, ["2026-03", "2026-04"], ["behandelduur", "dienstverlening", "bejegening", "overig"], cal);

  it("counts received per category by month of receipt", () => {
    expect(march.received).toBe(3);
    expect(march.receivedByCategory).toMatchObject({ behandelduur: 1, dienstverlening: 1, bejegening: 1, overig: 0 });
    expect(april.received).toBe(1);
  });

  it("handled within six weeks (Awb 9:11(1), Atw-moved), the average in weeks and the founded share; withdrawn apart", () => {
    expect(april).toMatchObject({
      handled: 2,
      withinSixWeeks: 1,
      withinSixWeeksPct: 50,
      onTimePct: 100,
      decided: 2,
      foundedPct: 50,
      partlyFoundedPct: 0,
      withdrawn: 1,
    });
    // (39 + 49 days) / 2 / 7 = 6.29 weeks
    expect(april.avgWeeks).toBe(6.3);
    expect(april.byCategory.behandelduur).toMatchObject({ handled: 1, withinSixWeeksPct: 100, foundedPct: 100 });
    expect(april.byCategory.bejegening).toMatchObject({ received: 0, handled: 0, withinSixWeeksPct: null });
    expect(march.handled).toBe(0);
    expect(march.withinSixWeeksPct).toBeNull();
  });

  it("the CSV: newest month first, month as MM/YY, a column per category (Dutch labels), then the figures", () => {
    const csv = publicationCsv(
      [march, april],
      [
        { key: "behandelduur", labelNl: "Behandelduur" },
        { key: "dienstverlening", labelNl: "Dienstverlening" },
      ],
    ).split("\r\n");
    expect(csv[0]).toBe(
      "Maand,Behandelduur,Dienstverlening,Totaal,Binnen 6 weken afgehandeld (%),Gemiddelde behandelduur (weken),Gegrond (%),Gedeeltelijk gegrond (%),Afgehandeld,Binnen geldende termijn (%),Ingetrokken",
    );
    expect(csv[1]).toBe("04/26,1,0,1,50,6.3,50,0,2,100,1");
    expect(csv[2]).toBe("03/26,1,1,3,,,,,0,,0");
  });

  it("months between two months, across a year", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
