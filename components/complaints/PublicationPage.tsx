"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";

type CategoryFigures = {
  received: number;
  handled: number;
  withinSixWeeksPct: number | null;
  avgWeeks: number | null;
  foundedPct: number | null;
};
type Month = {
  month: string;
  received: number;
  receivedByCategory: Record<string, number>;
  handled: number;
  withinSixWeeksPct: number | null;
  onTimePct: number | null;
  avgWeeks: number | null;
  foundedPct: number | null;
  partlyFoundedPct: number | null;
  withdrawn: number;
  byCategory: Record<string, CategoryFigures>;
};
type Publication = { year: number; today: string; categories: { key: string; labelNl: string; labelEn: string }[]; months: Month[] };

const num = (v: number | null) => (v === null ? "—" : String(v));

/**
 * /agent/complaints/publication: per month, complaints received per category (the IND's table), handled
 * within six weeks, average handling time in weeks and the share founded; the month shown first is the
 * current one, with its figures per category. Withdrawn complaints are counted apart.
 */
export function PublicationPage({ thisYear }: { thisYear: number }) {
  const t = useTranslations("complaints.publication");
  const locale = useLocale();
  const [year, setYear] = useState(thisYear);
  const [shown, setShown] = useState(thisYear);
  const pub = useQuery({
    queryKey: ["complaints", "publication", shown],
    queryFn: () => apiFetch<Publication>(`/api/v1/complaints/publication?year=${shown}`),
  });
  const label = (c: { labelNl: string; labelEn: string }) => (locale === "en" ? c.labelEn : c.labelNl);
  const monthName = (m: string) =>
    new Date(`${m}-15T12:00:00Z`).toLocaleDateString(locale === "en" ? "en-GB" : "nl-NL", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  const p = pub.data;
  const first = p?.months[0];
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="mb-4">{t("intro")}</p>
      <form
        className="mb-6 flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(year);
        }}
      >
        <div>
          <label htmlFor="pub-year" className="label">
            {t("year")}
          </label>
          <input
            id="pub-year"
            type="number"
            className="input w-32"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        </div>
        <button type="submit" className="btn">
          {t("show")}
        </button>
        <a className="btn-secondary" href={`/api/v1/complaints/publication?year=${shown}&format=csv`} download>
          {t("download")} ({shown})
        </a>
      </form>
      {pub.isLoading ? <p>{t("loading")}</p> : null}
      {p && first ? (
        <section className="mb-8" aria-labelledby="pub-month">
          <h2 id="pub-month" data-testid="publication-month">
            {monthName(first.month)}
          </h2>
          <dl className="mb-4 grid grid-cols-2 gap-4 md:grid-cols-5">
            {(
              [
                ["received", first.received],
                ["withinSixWeeksPct", num(first.withinSixWeeksPct)],
                ["avgWeeks", num(first.avgWeeks)],
                ["foundedPct", num(first.foundedPct)],
                ["withdrawn", first.withdrawn],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="card">
                <dt className="text-sm">{t(k)}</dt>
                <dd className="text-2xl font-bold" data-testid={`pub-${k}`}>
                  {v}
                </dd>
              </div>
            ))}
          </dl>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("perCategory", { month: monthName(first.month) })}>
            <table className="table">
              <caption className="text-left font-semibold">{t("perCategory", { month: monthName(first.month) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("category")}</th>
                  <th scope="col">{t("received")}</th>
                  <th scope="col">{t("handled")}</th>
                  <th scope="col">{t("withinSixWeeksPct")}</th>
                  <th scope="col">{t("avgWeeks")}</th>
                  <th scope="col">{t("foundedPct")}</th>
                </tr>
              </thead>
              <tbody>
                {p.categories.map((c) => {
                  const f = first.byCategory[c.key];
                  return (
                    <tr key={c.key}>
                      <th scope="row">{label(c)}</th>
                      <td>{f?.received ?? 0}</td>
                      <td>{f?.handled ?? 0}</td>
                      <td>{num(f?.withinSixWeeksPct ?? null)}</td>
                      <td>{num(f?.avgWeeks ?? null)}</td>
                      <td>{num(f?.foundedPct ?? null)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {p ? (
        <section aria-labelledby="pub-table">
          <h2 id="pub-table">{t("tableTitle", { year: p.year })}</h2>
          {p.months.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            // A wide table: the scrollable box takes keyboard focus (WCAG 2.1.1) and is named by the heading.
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="pub-table">
              <table className="table" data-testid="publication-table">
                <thead>
                  <tr>
                    <th scope="col">{t("month")}</th>
                    {p.categories.map((c) => (
                      <th key={c.key} scope="col">
                        {label(c)}
                      </th>
                    ))}
                    <th scope="col">{t("total")}</th>
                    <th scope="col">{t("withinSixWeeksPct")}</th>
                    <th scope="col">{t("avgWeeks")}</th>
                    <th scope="col">{t("foundedPct")}</th>
                    <th scope="col">{t("withdrawn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{monthName(m.month)}</th>
                      {p.categories.map((c) => (
                        <td key={c.key}>{m.receivedByCategory[c.key] ?? 0}</td>
                      ))}
                      <td>{m.received}</td>
                      <td>{num(m.withinSixWeeksPct)}</td>
                      <td>{num(m.avgWeeks)}</td>
                      <td>{num(m.foundedPct)}</td>
                      <td>{m.withdrawn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="mt-4 text-sm">{t("definitions")}</p>
        </section>
      ) : null}
    </>
  );
}
