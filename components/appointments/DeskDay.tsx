"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";
import { CapacityEditor } from "./CapacityEditor";
import type { AppointmentView } from "@/lib/appointments/contract";

/** Desk staff: the day's list per desk, check-in / completed / no-show, and the capacity editor. */
export function DeskDay({ desks, today }: { desks: { code: string; name: string }[]; today: string }) {
  const t = useTranslations("appointments");
  const locale = useLocale();
  const qc = useQueryClient();
  const [desk, setDesk] = useState(desks[0]?.code ?? "");
  const [date, setDate] = useState(today);
  const [tab, setTab] = useState<"day" | "capacity">("day");
  const day = useQuery({
    queryKey: ["desk-day", desk, date],
    queryFn: () => apiFetch<AppointmentView[]>(`/api/v1/desks/${desk}/day?date=${date}`),
    enabled: !!desk && /^\d{4}-\d{2}-\d{2}$/.test(date),
    refetchInterval: 30_000,
  });
  const [message, setMessage] = useState<string | null>(null);
  const setStatus = useMutation({
    mutationFn: (v: { reference: string; status: "checked_in" | "completed" | "no_show" }) =>
      apiFetch<AppointmentView>(`/api/v1/appointments/${encodeURIComponent(v.reference)}/status`, {
        method: "POST",
        body: { status: v.status },
      }),
    onSuccess: (a) => {
      setMessage(t("statusChanged", { reference: a.reference, status: t(`statuses.${a.status}`) }));
      qc.invalidateQueries({ queryKey: ["desk-day"] });
    },
    onError: (e) => setMessage(e instanceof ApiError ? e.message : String(e)),
  });
  return (
    <>
      <h1>{t("deskTitle")}</h1>
      <div className="card mb-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="desk-code" className="label">
            {t("desk")}
          </label>
          <select id="desk-code" className="input" value={desk} onChange={(e) => setDesk(e.target.value)}>
            {desks.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="desk-date" className="label">
            {t("date")}
          </label>
          <input id="desk-date" type="date" className="input" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="flex gap-2" role="group" aria-label={t("deskTitle")}>
          <button
            type="button"
            className={tab === "day" ? "btn" : "btn-secondary"}
            aria-pressed={tab === "day"}
            onClick={() => setTab("day")}
          >
            {t("dayList")}
          </button>
          <button
            type="button"
            className={tab === "capacity" ? "btn" : "btn-secondary"}
            aria-pressed={tab === "capacity"}
            onClick={() => setTab("capacity")}
          >
            {t("capacity")}
          </button>
        </div>
      </div>
      {tab === "capacity" ? (
        <CapacityEditor key={desk} desk={desk} />
      ) : (
        <>
          <div role="status" aria-live="polite" className="mb-2">
            {message ? <p className="font-semibold">{message}</p> : null}
            {day.isLoading ? t("loading") : day.data ? t("dayCount", { n: day.data.length }) : null}
          </div>
          {day.data?.length ? (
            <div className="overflow-x-auto">
              <table className="table">
                <caption className="sr-only">{t("dayList")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("time")}</th>
                    <th scope="col">{t("reference")}</th>
                    <th scope="col">{t("names")}</th>
                    <th scope="col">{t("persons")}</th>
                    <th scope="col">{t("product")}</th>
                    <th scope="col">{t("status")}</th>
                    <th scope="col">{t("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {day.data.map((a) => (
                    <tr key={a.reference} data-testid={`row-${a.reference}`}>
                      <td>
                        {a.startTime}–{a.endTime}
                      </td>
                      <td>{a.reference}</td>
                      <td>{a.persons.map((p) => p.name).join(", ")}</td>
                      <td>{a.persons.length}</td>
                      <td>{locale === "en" ? a.productName.en : a.productName.nl}</td>
                      <td>{t(`statuses.${a.status}`)}</td>
                      <td className="flex flex-wrap gap-1">
                        {a.status === "booked" ? (
                          <button
                            type="button"
                            className="btn-secondary px-2 py-1 text-sm"
                            onClick={() => setStatus.mutate({ reference: a.reference, status: "checked_in" })}
                          >
                            {t("checkIn")}
                            <span className="sr-only"> {a.reference}</span>
                          </button>
                        ) : null}
                        {a.status === "checked_in" ? (
                          <button
                            type="button"
                            className="btn-secondary px-2 py-1 text-sm"
                            onClick={() => setStatus.mutate({ reference: a.reference, status: "completed" })}
                          >
                            {t("complete")}
                            <span className="sr-only"> {a.reference}</span>
                          </button>
                        ) : null}
                        {a.status === "booked" && a.canNoShow ? (
                          <button
                            type="button"
                            className="btn-secondary px-2 py-1 text-sm"
                            onClick={() => setStatus.mutate({ reference: a.reference, status: "no_show" })}
                          >
                            {t("noShow")}
                            <span className="sr-only"> {a.reference}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
