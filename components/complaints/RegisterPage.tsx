"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";

type Register = {
  year: number;
  summary: {
    received: number;
    closed: number;
    closedOnTime: number;
    onTimePct: number | null;
    byOutcome: Record<string, number>;
    bySubject: Record<string, number>;
  };
  items: {
    reference: string;
    receivedOn: string;
    channel: string;
    subject: string;
    status: string;
    closedAs: string | null;
    outcome: string | null;
    deadline: string;
    closedOn: string | null;
    onTime: boolean | null;
  }[];
};
type ImportResult = {
  rows: number;
  imported: number;
  alreadyPresent: number;
  errors: { line: number; reference?: string; errors: Record<string, string> }[];
};

/** Awb 9:12a register for a year (+ CSV), and the legacy import for those allowed to import. */
export function RegisterPage({ thisYear, canImport }: { thisYear: number; canImport: boolean }) {
  const t = useTranslations("complaints");
  const qc = useQueryClient();
  const [year, setYear] = useState(thisYear);
  const [shown, setShown] = useState(thisYear);
  const reg = useQuery({
    queryKey: ["complaints", "register", shown],
    queryFn: () => apiFetch<Register>(`/api/v1/complaints/register?year=${shown}`),
  });
  const imp = useMutation({
    mutationFn: (fd: FormData) => apiFetch<ImportResult>("/api/v1/complaints/import", { method: "POST", rawBody: fd }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["complaints"] }),
  });
  const impErr = imp.error instanceof ApiError ? imp.error : null;
  const label = (k: string) =>
    t.has(`outcomes.${k}`) ? t(`outcomes.${k}`) : t.has(`closedAs.${k}`) ? t(`closedAs.${k}`) : t("statuses.open");
  const s = reg.data?.summary;
  return (
    <>
      <h1>{t("register.title")}</h1>
      <p className="mb-4">{t("register.intro")}</p>
      <form
        className="mb-6 flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(year);
        }}
      >
        <div>
          <label htmlFor="reg-year" className="label">
            {t("register.year")}
          </label>
          <input
            id="reg-year"
            type="number"
            className="input w-32"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        </div>
        <button type="submit" className="btn">
          {t("register.show")}
        </button>
        <a className="btn-secondary" href={`/api/v1/complaints/register?year=${shown}&format=csv`} download>
          {t("register.download")} ({shown})
        </a>
      </form>
      {s ? (
        <section className="mb-6" aria-labelledby="reg-summary">
          <h2 id="reg-summary">{shown}</h2>
          <dl className="mb-4 grid grid-cols-2 gap-4 md:grid-cols-4">
            {(
              [
                ["received", s.received],
                ["closed", s.closed],
                ["onTime", s.closedOnTime],
                ["onTimePct", s.onTimePct ?? "—"],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="card">
                <dt className="text-sm">{t(`register.${k}`)}</dt>
                <dd className="text-2xl font-bold">{v}</dd>
              </div>
            ))}
          </dl>
          <div className="grid gap-6 md:grid-cols-2">
            <table className="table">
              <caption className="text-left font-semibold">{t("register.byOutcome")}</caption>
              <tbody>
                {Object.entries(s.byOutcome).map(([k, n]) => (
                  <tr key={k}>
                    <th scope="row">{label(k)}</th>
                    <td>{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="table">
              <caption className="text-left font-semibold">{t("register.bySubject")}</caption>
              <tbody>
                {Object.entries(s.bySubject).map(([k, n]) => (
                  <tr key={k}>
                    <th scope="row">{t(`subjects.${k}`)}</th>
                    <td>{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {canImport ? (
        <section className="card mb-6" aria-labelledby="imp-title">
          <h2 id="imp-title">{t("register.importTitle")}</h2>
          <p className="mb-3">{t("register.importIntro")}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              imp.mutate(new FormData(e.currentTarget));
            }}
          >
            <label htmlFor="imp-file" className="label">
              {t("register.file")}
            </label>
            <input
              id="imp-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              className="input mb-3"
              aria-invalid={impErr ? true : undefined}
              aria-describedby={impErr ? "imp-err" : undefined}
            />
            {impErr ? (
              <p id="imp-err" className="field-error">
                {impErr.fields?.file ?? impErr.message}
              </p>
            ) : null}
            <button type="submit" className="btn" disabled={imp.isPending}>
              {t("register.importSubmit")}
            </button>
          </form>
          <div role="status" aria-live="polite" className="mt-3">
            {imp.data ? (
              <>
                <p className="font-semibold">
                  {t("register.importResult", {
                    imported: imp.data.imported,
                    already: imp.data.alreadyPresent,
                    errors: imp.data.errors.length,
                  })}
                </p>
                {imp.data.errors.length ? (
                  <table className="table mt-2">
                    <thead>
                      <tr>
                        <th scope="col">{t("register.line")}</th>
                        <th scope="col">{t("tracker.reference")}</th>
                        <th scope="col">{t("register.errors")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {imp.data.errors.map((e) => (
                        <tr key={e.line}>
                          <th scope="row">{e.line}</th>
                          <td>{e.reference ?? ""}</td>
                          <td>
                            {Object.entries(e.errors)
                              .map(([k, v]) => `${k}: ${v}`)
                              .join("; ")}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </>
            ) : null}
          </div>
        </section>
      ) : null}
      {reg.data ? (
        <section aria-labelledby="reg-rows">
          <h2 id="reg-rows">
            {t("register.rows")} ({reg.data.items.length})
          </h2>
          {reg.data.items.length > 100 ? <p className="mb-2">{t("register.firstRows", { n: 100, total: reg.data.items.length })}</p> : null}
          <div className="max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-labelledby="reg-rows">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("tracker.reference")}</th>
                  <th scope="col">{t("tracker.received")}</th>
                  <th scope="col">{t("tracker.channel")}</th>
                  <th scope="col">{t("detail.subject")}</th>
                  <th scope="col">{t("register.outcome")}</th>
                  <th scope="col">{t("tracker.deadline")}</th>
                  <th scope="col">{t("status.closedOn")}</th>
                  <th scope="col">{t("register.onTime")}</th>
                </tr>
              </thead>
              <tbody>
                {reg.data.items.slice(0, 100).map((r) => (
                  <tr key={r.reference}>
                    <th scope="row">{r.reference}</th>
                    <td>{r.receivedOn}</td>
                    <td>{t(`channels.${r.channel}`)}</td>
                    <td>{t(`subjects.${r.subject}`)}</td>
                    <td>{label(r.outcome ?? r.closedAs ?? "open")}</td>
                    <td>{r.deadline}</td>
                    <td>{r.closedOn ?? "—"}</td>
                    <td>{r.onTime === null ? "—" : r.onTime ? t("tracker.yes") : t("tracker.no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
