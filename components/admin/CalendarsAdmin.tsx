"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";

type Decree = { citation: string; publication: string; days: { date: string; name: { nl: string; en: string } }[] };
type AtwDays = { shipped: Decree[]; added: { id: string; day: string; nameNl: string; nameEn: string; decree: string }[] };
type ClosedDay = { id: string; calendar: string; day: string; name: string };
const CALENDARS = ["NL", "BON", "EUX", "SAB"] as const;

/** A labelled input with its error (aria-describedby), for the two small forms here. */
function Input(p: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string; error?: string }) {
  return (
    <div>
      <label htmlFor={p.id} className="label">
        {p.label}
      </label>
      <input
        id={p.id}
        type={p.type ?? "text"}
        className="input"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? `${p.id}-err` : undefined}
      />
      {p.error ? (
        <p id={`${p.id}-err`} className="field-error">
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Admin → Kalenders: the statutory calendar (Atw art. 3(3) decree days: the shipped decrees, and later ones
 * added here) and the office calendars (days the KIC and all desks of a calendar are closed). The page says
 * which is which: only the first moves a statutory deadline.
 */
export function CalendarsAdmin() {
  const t = useTranslations("admin.calendars");
  const locale = useLocale() === "en" ? "en" : "nl";
  const qc = useQueryClient();
  const atw = useQuery({ queryKey: ["admin", "atw-days"], queryFn: () => apiFetch<AtwDays>("/api/v1/admin/calendars/atw-days") });
  const closed = useQuery({
    queryKey: ["admin", "closed-days"],
    queryFn: () => apiFetch<ClosedDay[]>("/api/v1/admin/calendars/closed-days"),
  });
  const [decree, setDecree] = useState({ day: "", nameNl: "", nameEn: "", decree: "" });
  const [closure, setClosure] = useState({ calendar: "NL", day: "", name: "" });
  const [status, setStatus] = useState<string | null>(null);
  const refresh = (msg: string) => {
    setStatus(msg);
    qc.invalidateQueries({ queryKey: ["admin"] });
  };
  const addDecree = useMutation({
    mutationFn: () => apiFetch("/api/v1/admin/calendars/atw-days", { method: "POST", body: decree }),
    onSuccess: () => {
      setDecree({ day: "", nameNl: "", nameEn: "", decree: "" });
      refresh(t("saved"));
    },
  });
  const removeDecree = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/admin/calendars/atw-days/${id}`, { method: "DELETE" }),
    onSuccess: () => refresh(t("removed")),
  });
  const addClosure = useMutation({
    mutationFn: () => apiFetch("/api/v1/admin/calendars/closed-days", { method: "POST", body: closure }),
    onSuccess: () => {
      setClosure({ ...closure, day: "", name: "" });
      refresh(t("saved"));
    },
  });
  const removeClosure = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/admin/calendars/closed-days/${id}`, { method: "DELETE" }),
    onSuccess: () => refresh(t("removed")),
  });
  const dErr = addDecree.error instanceof ApiError ? addDecree.error : null;
  const cErr = addClosure.error instanceof ApiError ? addClosure.error : null;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="mb-4">{t("intro")}</p>
      <p role="status" aria-live="polite" className="mb-4 font-semibold text-ok">
        {status}
      </p>

      <section aria-labelledby="atw-title" className="mb-10">
        <h2 id="atw-title">{t("atwTitle")}</h2>
        <p className="mb-4">{t("atwIntro")}</p>
        {(atw.data?.shipped ?? []).map((d) => (
          <div key={d.citation} className="card mb-4">
            <h3>{d.citation}</h3>
            <p className="mb-2 text-sm">{d.publication}</p>
            <ul className="list-disc pl-6">
              {d.days.map((x) => (
                <li key={x.date}>
                  {x.date} — {x.name[locale]}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <h3>{t("addedTitle")}</h3>
        {atw.data?.added.length ? (
          <table className="table mb-4">
            <thead>
              <tr>
                <th scope="col">{t("day")}</th>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("decree")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {atw.data.added.map((a) => (
                <tr key={a.id}>
                  <td>{a.day}</td>
                  <td>{locale === "en" ? a.nameEn : a.nameNl}</td>
                  <td>{a.decree}</td>
                  <td>
                    <button type="button" className="btn-secondary" onClick={() => removeDecree.mutate(a.id)}>
                      {t("remove")}
                      <span className="sr-only"> {a.day}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mb-4">{t("noneAdded")}</p>
        )}
        <form
          className="card grid gap-4 md:grid-cols-2"
          aria-labelledby="atw-add"
          onSubmit={(e) => {
            e.preventDefault();
            addDecree.mutate();
          }}
        >
          <h3 id="atw-add" className="md:col-span-2">
            {t("addDecreeDay")}
          </h3>
          <Input
            id="atw-day"
            label={t("day")}
            type="date"
            value={decree.day}
            onChange={(v) => setDecree({ ...decree, day: v })}
            error={dErr?.fields.day}
          />
          <Input
            id="atw-decree"
            label={t("decreeLong")}
            value={decree.decree}
            onChange={(v) => setDecree({ ...decree, decree: v })}
            error={dErr?.fields.decree}
          />
          <Input
            id="atw-name-nl"
            label={t("nameNl")}
            value={decree.nameNl}
            onChange={(v) => setDecree({ ...decree, nameNl: v })}
            error={dErr?.fields.nameNl}
          />
          <Input
            id="atw-name-en"
            label={t("nameEn")}
            value={decree.nameEn}
            onChange={(v) => setDecree({ ...decree, nameEn: v })}
            error={dErr?.fields.nameEn}
          />
          <div role="alert" className="md:col-span-2">
            {dErr && !Object.keys(dErr.fields).length ? <p className="field-error">{dErr.message}</p> : null}
          </div>
          <div>
            <button type="submit" className="btn" disabled={addDecree.isPending}>
              {t("add")}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="closed-title">
        <h2 id="closed-title">{t("closedTitle")}</h2>
        <p className="mb-4">{t("closedIntro")}</p>
        {closed.data?.length ? (
          <table className="table mb-4">
            <thead>
              <tr>
                <th scope="col">{t("day")}</th>
                <th scope="col">{t("calendar")}</th>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {closed.data.map((c) => (
                <tr key={c.id}>
                  <td>{c.day}</td>
                  <td>{t(`calendars.${c.calendar}`)}</td>
                  <td>{c.name}</td>
                  <td>
                    <button type="button" className="btn-secondary" onClick={() => removeClosure.mutate(c.id)}>
                      {t("remove")}
                      <span className="sr-only">
                        {" "}
                        {c.calendar} {c.day}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mb-4">{t("noneClosed")}</p>
        )}
        <form
          className="card grid gap-4 md:grid-cols-3"
          aria-labelledby="closed-add"
          onSubmit={(e) => {
            e.preventDefault();
            addClosure.mutate();
          }}
        >
          <h3 id="closed-add" className="md:col-span-3">
            {t("addClosedDay")}
          </h3>
          <div>
            <label htmlFor="closed-calendar" className="label">
              {t("calendar")}
            </label>
            <select
              id="closed-calendar"
              className="input"
              value={closure.calendar}
              onChange={(e) => setClosure({ ...closure, calendar: e.target.value })}
            >
              {CALENDARS.map((c) => (
                <option key={c} value={c}>
                  {t(`calendars.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <Input
            id="closed-day"
            label={t("day")}
            type="date"
            value={closure.day}
            onChange={(v) => setClosure({ ...closure, day: v })}
            error={cErr?.fields.day}
          />
          <Input
            id="closed-name"
            label={t("reason")}
            value={closure.name}
            onChange={(v) => setClosure({ ...closure, name: v })}
            error={cErr?.fields.name}
          />
          <div role="alert" className="md:col-span-3">
            {cErr && !Object.keys(cErr.fields).length ? <p className="field-error">{cErr.message}</p> : null}
          </div>
          <div>
            <button type="submit" className="btn" disabled={addClosure.isPending}>
              {t("add")}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
