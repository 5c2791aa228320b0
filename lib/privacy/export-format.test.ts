import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvFiles, exportZip, toCsv } from "./export-format";

describe("subject-access export files", () => {
  it("writes one CSV per record type with the union of the columns, objects as JSON", () => {
    const files = csvFiles({
      exportedAt: "x",
      customer: { id: "c1", name: "Ann" },
      tickets: [{ reference: "KIC-1" }, { reference: "KIC-2", subject: "a,b" }],
      calls: [],
    });
    expect(files.map((f) => f.name)).toEqual(["customer.csv", "tickets.csv", "calls.csv"]);
    expect(files[1].csv).toBe('\uFEFFreference,subject\r\nKIC-1,\r\nKIC-2,"a,b"\r\n');
    expect(toCsv([{ persons: [{ name: "A" }] }])).toContain('"[{""name"":""A""}]"');
  });

  it("escapes cells that a spreadsheet would run as a formula", () => {
    expect(toCsv([{ notes: '=HYPERLINK("x")' }])).not.toMatch(/\r\n=HYPERLINK/);
  });

  it("zips the CSVs, the JSON and the files", () => {
    const zip = unzipSync(
      exportZip({ customer: { id: "c1" }, tickets: [] }, [{ id: "0123456789", filename: "../pas poort.pdf", content: Buffer.from("PDF") }]),
    );
    expect(Object.keys(zip).sort()).toEqual(["customer.csv", "export.json", "files/01234567-_pas_poort.pdf", "tickets.csv"].sort());
    expect(JSON.parse(strFromU8(zip["export.json"]))).toEqual({ customer: { id: "c1" }, tickets: [] });
  });
});
