"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";

type Period = { weekday: number; opens: string; closes: string; places: number };
type Capacity = {
  code: string;
  slotMinutes: number;
  horizonDays: number;
  minNoticeDays: number;
  hours: Period[];
  closures: { id: string; fromDate: string; toDate: string; reason: string }[];
};
type Affected = { reference: string; date: string; names: string[]; email: string | null; phone: string | null };

/** Opening hours, places per slot and closures of one desk. */
export function CapacityEditor({ desk }: { desk: string }) {
  const t = useTranslations("appointments");
  const qc = useQueryClient();
  const cap = useQuery({ queryKey: ["capacity", desk], queryFn: () => apiFetch<Capacity>(`/api/v1/desks/${desk}/capacity`) });
  const [draft, setDraft] = useState<Capacity | null>(null);
  useEffect(() => {
    if (cap.data) setDraft(cap.data);
  }, [cap.data]);
  const save = useMutation({
    mutationFn: (c: Capacity) =>
      apiFetch<Capacity>(`/api/v1/desks/${desk}/capacity`, {
        method: "PUT",
        body: { slotMinutes: c.slotMinutes, horizonDays: c.horizonDays, minNoticeDays: c.minNoticeDays, hours: c.hours },
      }),
    onSuccess: (c) => qc.setQueryData(["capacity", desk], c),
  });
  const [closure, setClosure] = useState({ fromDate: "", toDate: "", reason: "" });
  const [affected, setAffected] = useState<Affected[] | null>(null);
  const close = useMutation({
    mutationFn: () => apiFetch<{ affected: Affected[] }>(`/api/v1/desks/${desk}/closures`, { method: "POST", body: closure }),
    onSuccess: (r) => {
      setAffected(r.affected);
      setClosure({ fromDate: "", toDate: "", reason: "" });
      qc.invalidateQueries({ queryKey: ["capacity", desk] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/desks/${desk}/closures/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["capacity", desk] }),
  });
  const closeErr = close.error instanceof ApiError ? close.error.fields : {};
  if (!draft) return <p role="status">{t("loading")}</p>;
  const setPeriod = (i: number, p: Partial<Period>) =>
    setDraft({ ...draft, hours: draft.hours.map((h, j) => (j === i ? { ...h, ...p } : h)) });
  const weekdays = t("weekdays").split(",");
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="cap-hours" className="card">
        <h2 id="cap-hours">{t("openingHours")}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <div className="mb-4 grid gap-3 sm:grid-cols-3">
            {(["slotMinutes", "horizonDays", "minNoticeDays"] as const).map((k) => (
              <div key={k}>
                <label htmlFor={`cap-${k}`} className="label">
                  {t(k)}
                </label>
                <input
                  id={`cap-${k}`}
                  type="number"
                  min={0}
                  className="input"
                  value={draft[k]}
                  onChange={(e) => setDraft({ ...draft, [k]: Number(e.target.value) })}
                />
              </div>
            ))}
          </div>
          <div className="overflow-x-auto">
            <table className="table">
              <caption className="sr-only">{t("openingHours")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("weekday")}</th>
                  <th scope="col">{t("opens")}</th>
                  <th scope="col">{t("closes")}</th>
                  <th scope="col">{t("places")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {draft.hours.map((h, i) => (
                  <tr key={i}>
                    <td>
                      <select
                        aria-label={`${t("weekday")} ${i + 1}`}
                        className="input"
                        value={h.weekday}
                        onChange={(e) => setPeriod(i, { weekday: Number(e.target.value) })}
                      >
                        {weekdays.map((w, wd) => (
                          <option key={wd} value={wd}>
                            {w}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`${t("opens")} ${i + 1}`}
                        type="time"
                        className="input"
                        value={h.opens}
                        onChange={(e) => setPeriod(i, { opens: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t("closes")} ${i + 1}`}
                        type="time"
                        className="input"
                        value={h.closes}
                        onChange={(e) => setPeriod(i, { closes: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t("places")} ${i + 1}`}
                        type="number"
                        min={0}
                        max={100}
                        className="input"
                        value={h.places}
                        onChange={(e) => setPeriod(i, { places: Number(e.target.value) })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn-secondary px-2 py-1 text-sm"
                        onClick={() => setDraft({ ...draft, hours: draft.hours.filter((_, j) => j !== i) })}
                      >
                        {t("remove")}
                        <span className="sr-only"> {i + 1}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-4 flex flex-wrap gap-2">
            <button
              type="button"
              className="btn-secondary"
              onClick={() => setDraft({ ...draft, hours: [...draft.hours, { weekday: 1, opens: "09:00", closes: "12:00", places: 1 }] })}
            >
              {t("addPeriod")}
            </button>
            <button type="submit" className="btn" disabled={save.isPending}>
              {t("save")}
            </button>
          </div>
          <div role="status" aria-live="polite" className="mt-2">
            {save.isSuccess ? t("saved") : save.error ? <span className="field-error">{(save.error as Error).message}</span> : null}
          </div>
        </form>
      </section>

      <section aria-labelledby="cap-closures" className="card">
        <h2 id="cap-closures">{t("closures")}</h2>
        <form
          className="grid gap-3 sm:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault();
            close.mutate();
          }}
        >
          {(["fromDate", "toDate"] as const).map((k) => (
            <div key={k}>
              <label htmlFor={`cl-${k}`} className="label">
                {t(k)}
              </label>
              <input
                id={`cl-${k}`}
                type="date"
                className="input"
                value={closure[k]}
                onChange={(e) => setClosure({ ...closure, [k]: e.target.value })}
                aria-invalid={closeErr[k] ? true : undefined}
                aria-describedby={closeErr[k] ? `cl-${k}-err` : undefined}
              />
              {closeErr[k] ? (
                <p id={`cl-${k}-err`} className="field-error">
                  {closeErr[k]}
                </p>
              ) : null}
            </div>
          ))}
          <div>
            <label htmlFor="cl-reason" className="label">
              {t("reason")}
            </label>
            <input
              id="cl-reason"
              className="input"
              value={closure.reason}
              onChange={(e) => setClosure({ ...closure, reason: e.target.value })}
              aria-invalid={closeErr.reason ? true : undefined}
              aria-describedby={closeErr.reason ? "cl-reason-err" : undefined}
            />
            {closeErr.reason ? (
              <p id="cl-reason-err" className="field-error">
                {closeErr.reason}
              </p>
            ) : null}
          </div>
          <div className="self-end">
            <button type="submit" className="btn" disabled={close.isPending}>
              {t("closePeriod")}
            </button>
          </div>
        </form>
        <div role="status" aria-live="polite" className="mt-2">
          {affected ? (
            affected.length ? (
              <div>
                <p className="font-semibold">{t("closureAffected", { n: affected.length })}</p>
                <ul className="list-disc pl-6">
                  {affected.map((a) => (
                    <li key={a.reference}>
                      {a.date} · {a.reference} · {a.names.join(", ")} · {a.email ?? a.phone}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p>{t("closureNoBookings")}</p>
            )
          ) : null}
        </div>
        {cap.data?.closures.length ? (
          <ul className="mt-4">
            {cap.data.closures.map((c) => (
              <li key={c.id} className="flex items-center gap-2 py-1">
                <span>
                  {c.fromDate} – {c.toDate}: {c.reason}
                </span>
                <button type="button" className="btn-secondary px-2 py-1 text-sm" onClick={() => remove.mutate(c.id)}>
                  {t("remove")}
                  <span className="sr-only">
                    {" "}
                    {c.fromDate} {c.reason}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
