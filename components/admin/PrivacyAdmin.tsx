"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";

type Counts = { tickets: number; calls: number; appointments: number; complaints: number };
type Person = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  vNumber: string | null;
  createdAt: string;
  anonymisedAt: string | null;
  records: Counts;
};
type Overview = Omit<Person, "records"> & {
  records: Counts & { slotAlerts: number; outboxMails: number };
  openCases: { tickets: number; complaints: number; appointments: number };
};
type Erased = { id: string; counts: Counts & { outboxMails: number } };
type RetentionKey =
  | "rawMailDays"
  | "ctiPayloadDays"
  | "ticketDays"
  | "callDays"
  | "appointmentDays"
  | "complaintDays"
  | "outboxDays"
  | "slotAlertDays"
  | "mailAckDays"
  | "customerDays";
type Retention = {
  settings: Record<RetentionKey, number>;
  defaults: Record<RetentionKey, number>;
  minimums: Record<RetentionKey, number>;
  runs: { id: string; at: string; actor: string; counts: Record<string, number> }[];
};

/**
 * The admin's privacy page: find a person, export their data (AVG art. 15), erase it after an explicit
 * confirmation (art. 17); the retention periods and the last runs of the nightly job.
 */
export function PrivacyAdmin() {
  const t = useTranslations("privacy");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="mb-6 max-w-3xl">{t("intro")}</p>
      <SubjectRequests />
      <RetentionSettings />
    </>
  );
}

function SubjectRequests() {
  const t = useTranslations("privacy");
  const fmt = useFormatter();
  const [q, setQ] = useState("");
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ["admin", "customers", submitted],
    queryFn: () => apiFetch<Person[]>(`/api/v1/admin/customers?q=${encodeURIComponent(submitted!)}`),
    enabled: !!submitted,
  });
  const qError = found.error instanceof ApiError ? found.error.fields.q : undefined;
  const day = (s: string) => fmt.dateTime(new Date(s), { dateStyle: "medium" });
  return (
    <>
      <section aria-labelledby="privacy-search" className="card mb-6">
        <h2 id="privacy-search">{t("searchTitle")}</h2>
        <form
          role="search"
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            setSelected(null);
            setSubmitted(q.trim());
          }}
        >
          <div className="min-w-72 grow">
            <label htmlFor="privacy-q" className="label">
              {t("searchLabel")}
            </label>
            <p id="privacy-q-hint" className="mb-1 text-sm">
              {t("searchHint")}
            </p>
            <input
              id="privacy-q"
              className="input"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              aria-describedby={qError ? "privacy-q-hint privacy-q-err" : "privacy-q-hint"}
              aria-invalid={qError ? true : undefined}
              autoComplete="off"
            />
            {qError ? (
              <p id="privacy-q-err" className="field-error">
                {qError}
              </p>
            ) : null}
          </div>
          <button className="btn" type="submit">
            {t("search")}
          </button>
        </form>
        <div role="status" aria-live="polite" className="mt-4">
          {found.data && !found.data.length ? <p>{t("noResults")}</p> : null}
        </div>
        {found.data?.length ? (
          <div className="mt-2 overflow-x-auto">
            <table className="table" data-testid="privacy-results">
              <caption className="sr-only">{t("results")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("email")}</th>
                  <th scope="col">{t("phone")}</th>
                  <th scope="col">{t("records")}</th>
                  <th scope="col">{t("created")}</th>
                  <th scope="col">{t("state")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("actionsCol")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.data.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name ?? t("unnamed")}</th>
                    <td>{p.email ?? "—"}</td>
                    <td>{p.phone ?? "—"}</td>
                    <td>{t("recordsSummary", p.records)}</td>
                    <td>{day(p.createdAt)}</td>
                    <td>{p.anonymisedAt ? t("anonymised", { date: day(p.anonymisedAt) }) : t("active")}</td>
                    <td>
                      <button
                        type="button"
                        className="btn-secondary px-2 py-1 text-sm"
                        onClick={() => setSelected(p.id)}
                        aria-label={t("openPerson", { name: p.name ?? p.email ?? p.id })}
                      >
                        {t("open")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {selected ? <PersonPanel id={selected} /> : null}
    </>
  );
}

function PersonPanel({ id }: { id: string }) {
  const t = useTranslations("privacy");
  const fmt = useFormatter();
  const qc = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState<Erased | null>(null);
  const person = useQuery({ queryKey: ["admin", "customer", id], queryFn: () => apiFetch<Overview>(`/api/v1/admin/customers/${id}`) });
  useEffect(() => {
    // Opening a person moves focus to their panel, so keyboard and screen-reader users land on it.
    if (person.data) heading.current?.focus();
  }, [person.data?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const erase = useMutation({
    mutationFn: () => apiFetch<Erased>(`/api/v1/admin/customers/${id}/erase`, { method: "POST", body: { confirm: true } }),
    onSuccess: (r) => {
      setDone(r);
      setConfirming(false);
      setChecked(false);
      qc.invalidateQueries({ queryKey: ["admin", "customer", id] });
      qc.invalidateQueries({ queryKey: ["admin", "customers"] });
    },
  });
  const p = person.data;
  if (!p) return person.isLoading ? <p>…</p> : null;
  const open = p.openCases.tickets + p.openCases.complaints + p.openCases.appointments;
  const who = p.name ?? p.email ?? p.id;
  return (
    <section aria-labelledby="privacy-person" className="card mb-6" data-testid="privacy-person">
      <h2 id="privacy-person" ref={heading} tabIndex={-1}>
        {t("personTitle")}: {p.name ?? t("unnamed")}
      </h2>
      <p className="mb-2">
        {[p.email, p.phone, p.vNumber].filter(Boolean).join(" · ") || "—"}
        {p.anonymisedAt ? ` — ${t("anonymised", { date: fmt.dateTime(new Date(p.anonymisedAt), { dateStyle: "medium" }) })}` : null}
      </p>
      <table className="table mb-6 max-w-md">
        <thead>
          <tr>
            <th scope="col">{t("type")}</th>
            <th scope="col">{t("count")}</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(p.records) as (keyof Overview["records"])[]).map((k) => (
            <tr key={k}>
              <th scope="row" className="font-normal">
                {t(`recordTypes.${k}`)}
              </th>
              <td>{p.records[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="font-semibold">{t("exportTitle")}</h3>
      <p className="mb-2">{t("exportText")}</p>
      <p className="mb-6 flex flex-wrap gap-4">
        <a className="btn-secondary" href={`/api/v1/admin/customers/${id}/export?format=json`} download>
          {t("exportJson")}
        </a>
        <a className="btn-secondary" href={`/api/v1/admin/customers/${id}/export?format=csv`} download>
          {t("exportCsv")}
        </a>
      </p>

      <h3 className="font-semibold">{t("eraseTitle")}</h3>
      <p className="mb-2 max-w-3xl">{t("eraseText")}</p>
      <div role="status" aria-live="polite">
        {done ? <p className="mb-2 rounded border border-ok p-3">{t("erased", done.counts)}</p> : null}
      </div>
      {p.anonymisedAt && !done ? <p>{t("alreadyErased")}</p> : null}
      {open ? <p className="mb-2 font-semibold">{t("openCases", p.openCases)}</p> : null}
      {!p.anonymisedAt && !open && !confirming ? (
        <button type="button" className="btn-danger" onClick={() => setConfirming(true)}>
          {t("erase")}
        </button>
      ) : null}
      {confirming ? (
        <form
          className="rounded border-2 border-danger p-4"
          aria-labelledby="privacy-confirm"
          onSubmit={(e) => {
            e.preventDefault();
            if (checked) erase.mutate();
          }}
        >
          <h4 id="privacy-confirm" className="mb-2 font-semibold">
            {t("confirmTitle")}
          </h4>
          <p className="mb-4 flex items-start gap-2">
            <input
              id="privacy-confirm-check"
              type="checkbox"
              className="mt-1 h-5 w-5"
              checked={checked}
              onChange={(e) => setChecked(e.target.checked)}
            />
            <label htmlFor="privacy-confirm-check">{t("confirmCheck", { name: who })}</label>
          </p>
          {erase.error ? (
            <p className="field-error mb-2" role="alert">
              {erase.error.message}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-4">
            <button type="submit" className="btn-danger" disabled={!checked || erase.isPending}>
              {t("confirmErase")}
            </button>
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                setConfirming(false);
                setChecked(false);
              }}
            >
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function RetentionSettings() {
  const t = useTranslations("privacy");
  const fmt = useFormatter();
  const qc = useQueryClient();
  const data = useQuery({ queryKey: ["admin", "retention"], queryFn: () => apiFetch<Retention>("/api/v1/admin/retention") });
  const [draft, setDraft] = useState<Partial<Record<RetentionKey, string>>>({});
  const [flash, setFlash] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      apiFetch("/api/v1/admin/retention", {
        method: "PUT",
        body: Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, Number(v)])),
      }),
    onSuccess: () => {
      setDraft({});
      setFlash(t("saved"));
      qc.invalidateQueries({ queryKey: ["admin", "retention"] });
    },
  });
  const run = useMutation({
    mutationFn: () => apiFetch("/api/v1/admin/retention/run", { method: "POST" }),
    onSuccess: () => {
      setFlash(t("ran"));
      qc.invalidateQueries({ queryKey: ["admin", "retention"] });
    },
  });
  const r = data.data;
  const fieldErrors = save.error instanceof ApiError ? save.error.fields : {};
  return (
    <section aria-labelledby="privacy-retention" className="card mb-6">
      <h2 id="privacy-retention">{t("retentionTitle")}</h2>
      <p className="mb-4">{t("retentionText")}</p>
      {r ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFlash(null);
            save.mutate();
          }}
        >
          <div className="overflow-x-auto">
            <table className="table mb-4">
              <thead>
                <tr>
                  <th scope="col">{t("type")}</th>
                  <th scope="col">{t("days")}</th>
                  <th scope="col">{t("default")}</th>
                  <th scope="col">{t("minimum")}</th>
                </tr>
              </thead>
              <tbody>
                {(Object.keys(r.settings) as RetentionKey[]).map((k) => (
                  <tr key={k}>
                    <th scope="row" className="font-normal">
                      <label htmlFor={`ret-${k}`}>{t(`keys.${k}`)}</label>
                    </th>
                    <td>
                      <input
                        id={`ret-${k}`}
                        className="input w-28"
                        type="number"
                        inputMode="numeric"
                        min={r.minimums[k]}
                        value={draft[k] ?? String(r.settings[k])}
                        onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
                        aria-invalid={fieldErrors[k] ? true : undefined}
                        aria-describedby={fieldErrors[k] ? `ret-${k}-err` : undefined}
                      />
                      {fieldErrors[k] ? (
                        <p id={`ret-${k}-err`} className="field-error">
                          {fieldErrors[k]}
                        </p>
                      ) : null}
                    </td>
                    <td>{r.defaults[k]}</td>
                    <td>{r.minimums[k]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="btn" disabled={save.isPending}>
              {t("save")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => run.mutate()} disabled={run.isPending}>
              {t("runNow")}
            </button>
            <span role="status" aria-live="polite">
              {flash}
            </span>
          </div>
        </form>
      ) : null}
      <h3 className="mt-6 font-semibold">{t("runsTitle")}</h3>
      {r && !r.runs.length ? <p>{t("noRuns")}</p> : null}
      {r?.runs.length ? (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("runAt")}</th>
                <th scope="col">{t("runBy")}</th>
                <th scope="col">{t("runCounts")}</th>
              </tr>
            </thead>
            <tbody>
              {r.runs.map((x) => (
                <tr key={x.id}>
                  <td className="whitespace-nowrap">{fmt.dateTime(new Date(x.at), { dateStyle: "short", timeStyle: "short" })}</td>
                  <td>{x.actor}</td>
                  <td>
                    {Object.entries(x.counts)
                      .filter(([, n]) => n > 0)
                      .map(([k, n]) => `${t.has(`runKeys.${k}`) ? t(`runKeys.${k}`) : k} ${n}`)
                      .join(", ") || "0"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
