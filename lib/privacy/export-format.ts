import { stringify } from "csv-stringify/sync";
import { strToU8, zipSync } from "fflate";

/**
 * The subject-access export as files: one CSV per record type (UTF-8 with BOM, so Excel reads the accents;
 * cells that start with = + - @ are escaped against formula injection), the same records as JSON, and the
 * person's files, in one zip. Pure: the records come from lib/privacy/subject.ts.
 */
type Cell = string | number | boolean | null | undefined | object;
export type ExportRecords = Record<string, unknown>;

const cell = (v: Cell): string | number | boolean => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : v);

export function toCsv(rows: Record<string, Cell>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (!columns.length) return "\uFEFF";
  return (
    "\uFEFF" +
    stringify(
      rows.map((r) => columns.map((c) => cell(r[c]))),
      { header: true, columns, escape_formulas: true, record_delimiter: "\r\n" },
    )
  );
}

/** `customer.csv`, `tickets.csv`, … — one file per record type, in the order of the export. */
export function csvFiles(records: ExportRecords): { name: string; csv: string }[] {
  const out: { name: string; csv: string }[] = [];
  for (const [key, value] of Object.entries(records)) {
    if (key === "exportedAt") continue;
    const rows = Array.isArray(value)
      ? (value as Record<string, Cell>[])
      : value && typeof value === "object"
        ? [value as Record<string, Cell>]
        : [];
    out.push({ name: `${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}.csv`, csv: toCsv(rows) });
  }
  return out;
}

const safeName = (s: string) =>
  s
    .replace(/[^\w.\-]+/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 120) || "file";

export function exportZip(records: ExportRecords, files: { id: string; filename: string; content: Buffer }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of csvFiles(records)) entries[f.name] = strToU8(f.csv);
  entries["export.json"] = strToU8(JSON.stringify(records, null, 2));
  for (const f of files) entries[`files/${f.id.slice(0, 8)}-${safeName(f.filename)}`] = new Uint8Array(f.content);
  return zipSync(entries, { level: 6, mtime: new Date("2020-01-01T00:00:00Z") });
}
