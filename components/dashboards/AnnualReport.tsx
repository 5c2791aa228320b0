"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import type { AnnualRow } from "@/lib/dashboards/service";

type Report = { year: number; previousYear: number; rows: AnnualRow[] };

/** The annual report's table as the seed prints it: the year beside the previous one, and "verschil". */
export function AnnualReport({ initialYear }: { initialYear: number }) {
  const t = useTranslations("dashboards.report");
  const tc = useTranslations("common");
  const locale = useLocale();
  const f = useFormatter();
  const [draft, setDraft] = useState(String(initialYear));
  const [year, setYear] = useState(initialYear);
  const q = useQuery({
    queryKey: ["report", "annual", year, locale],
    queryFn: () => apiFetch<Report>(`/api/v1/reports/annual?year=${year}&lang=${locale}`),
  });
  const value = (r: AnnualRow, v: number | null) => (v === null ? tc("none") : r.unit === "pct" ? `${f.number(v)}%` : f.number(v));
  const diff = (r: AnnualRow) => {
    if (r.differencePct === null) return tc("none");
    const n = f.number(r.differencePct, { signDisplay: "exceptZero", maximumFractionDigits: 1 });
    return r.unit === "pct" ? t("differencePoints", { value: n }) : `${n}%`;
  };
  const years = Array.from({ length: 12 }, (_, i) => initialYear + 1 - i);
  return (
    <>
      <h1>{t("title")}</h1>
      <form
        className="card mb-6 flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setYear(Number(draft));
        }}
      >
        <div>
          <label htmlFor="r-year" className="label">
            {t("year")}
          </label>
          <select id="r-year" className="input" value={draft} onChange={(e) => setDraft(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">
          {t("show")}
        </button>
        <a
          className="btn-secondary"
          href={`/api/v1/reports/annual?year=${year}&format=csv&lang=${locale}`}
          download
          data-testid="report-csv"
        >
          {t("downloadCsv")}
        </a>
      </form>
      {!q.data ? (
        <p role="status">{q.isError ? tc("error") : tc("loading")}</p>
      ) : (
        <>
          <div className="card mb-6 overflow-x-auto">
            <table className="table" data-testid="annual-table">
              <caption className="mb-2 text-left">{t("caption", { year: q.data.year, previous: q.data.previousYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("figure")}</th>
                  <th scope="col" className="text-right">
                    {q.data.previousYear}
                  </th>
                  <th scope="col" className="text-right">
                    {q.data.year}
                  </th>
                  <th scope="col" className="text-right">
                    {t("difference")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {q.data.rows.map((r) => (
                  <tr key={r.key} data-testid={`row-${r.key}`}>
                    <th scope="row" className="font-normal">
                      {r.label}
                    </th>
                    <td className="text-right tabular-nums" data-testid={`row-${r.key}-previous`}>
                      {value(r, r.previousRounded)}
                    </td>
                    <td className="text-right tabular-nums" data-testid={`row-${r.key}-current`}>
                      {value(r, r.currentRounded)}
                    </td>
                    <td className="text-right tabular-nums" data-testid={`row-${r.key}-difference`}>
                      {diff(r)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details className="card">
            <summary className="cursor-pointer font-semibold text-rijks">{t("exact")}</summary>
            <table className="table mt-2">
              <caption className="sr-only">{t("exactCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("figure")}</th>
                  <th scope="col" className="text-right">
                    {q.data.previousYear}
                  </th>
                  <th scope="col" className="text-right">
                    {q.data.year}
                  </th>
                </tr>
              </thead>
              <tbody>
                {q.data.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row" className="font-normal">
                      {r.label}
                    </th>
                    <td className="text-right tabular-nums">{value(r, r.previous)}</td>
                    <td className="text-right tabular-nums">{value(r, r.current)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </>
  );
}
