"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";

/** Formats KPI values the same way everywhere: one decimal for percentages, null as "—". */
export function useKpiFormat() {
  const f = useFormatter();
  const t = useTranslations("dashboards");
  return {
    count: (v: number | null | undefined) => (v === null || v === undefined ? t("none") : f.number(v)),
    pct: (v: number | null | undefined) =>
      v === null || v === undefined ? t("none") : t("pct", { value: f.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }),
    seconds: (v: number | null | undefined) =>
      v === null || v === undefined ? t("none") : t("seconds", { value: f.number(v, { maximumFractionDigits: 1 }) }),
  };
}

/** A CSV file from rows, for the download links beside each chart. */
export function csvHref(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  return `data:text/csv;charset=utf-8,${encodeURIComponent("\uFEFF" + text)}`;
}

/** One figure with its definition beside it (spec 05: "shown in the app beside each figure"). */
export function Kpi({
  label,
  value,
  definition,
  testId,
  target,
}: {
  label: string;
  value: string;
  definition: string;
  testId?: string;
  target?: string;
}) {
  const id = useId();
  const t = useTranslations("dashboards.period");
  return (
    <div className="card">
      <dt id={id} className="text-sm font-semibold text-gray-700">
        {label}
      </dt>
      <dd className="text-3xl font-bold text-rijks" data-testid={testId} aria-describedby={`${id}-def`}>
        {value}
      </dd>
      <dd id={`${id}-def`} className="mt-1 text-sm text-gray-700">
        {definition}
        {target ? (
          <span className="mt-1 block font-semibold text-warn">
            {t("target")}: {target}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/** A chart with its description, its numbers as a table (in a disclosure) and a CSV download. */
export function ChartSection({
  id,
  title,
  description,
  chart,
  header,
  rows,
  csvName,
  empty,
}: {
  id: string;
  title: string;
  description: string;
  chart: ReactNode;
  header: string[];
  rows: (string | number | null)[][];
  csvName: string;
  empty: boolean;
}) {
  const t = useTranslations("dashboards.period");
  return (
    <section aria-labelledby={`${id}-h`} className="card mb-6" data-testid={`chart-${id}`}>
      <h2 id={`${id}-h`} className="mb-1">
        {title}
      </h2>
      <p id={`${id}-desc`} className="mb-3 text-sm text-gray-700">
        {description}
      </p>
      {empty ? (
        <p>{t("noData")}</p>
      ) : (
        <figure aria-labelledby={`${id}-h`} aria-describedby={`${id}-desc`} className="h-72 w-full">
          {chart}
        </figure>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold text-rijks">{t("showTable")}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="table" data-testid={`table-${id}`}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="font-normal">
                        {c ?? "—"}
                      </th>
                    ) : (
                      <td key={j}>{c ?? "—"}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p className="mt-2">
        <a className="btn-secondary" href={csvHref(header, rows)} download={csvName} data-testid={`csv-${id}`}>
          {t("downloadCsv")} <span className="sr-only">{title}</span>
        </a>
      </p>
    </section>
  );
}
