"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { BookingWizard } from "./BookingWizard";
import { ManageAppointment } from "./ManageAppointment";
import type { AppointmentView } from "./types";

/** KIC agents: find an appointment for a caller (reference, name, email, phone, V-number), or book one. */
export function AgentAppointments({
  prefill,
  initialQuery,
}: {
  prefill: { name?: string; phone?: string; email?: string; callId?: string };
  initialQuery?: string;
}) {
  const t = useTranslations("appointments");
  const locale = useLocale();
  const [input, setInput] = useState(initialQuery ?? "");
  const [q, setQ] = useState(initialQuery ?? "");
  const [open, setOpen] = useState<string | null>(null);
  const [tab, setTab] = useState<"find" | "book">(prefill.name || prefill.phone || prefill.email ? "book" : "find");
  const results = useQuery({
    queryKey: ["agent-search", q],
    queryFn: () => apiFetch<AppointmentView[]>(`/api/v1/appointments?q=${encodeURIComponent(q)}`),
    enabled: q.trim().length >= 2,
  });
  return (
    <>
      <h1>{t("agentTitle")}</h1>
      <div className="mb-4 flex gap-2" role="group" aria-label={t("agentTitle")}>
        <button
          type="button"
          className={tab === "find" ? "btn" : "btn-secondary"}
          aria-pressed={tab === "find"}
          onClick={() => setTab("find")}
        >
          {t("find")}
        </button>
        <button
          type="button"
          className={tab === "book" ? "btn" : "btn-secondary"}
          aria-pressed={tab === "book"}
          onClick={() => setTab("book")}
        >
          {t("bookForCaller")}
        </button>
      </div>
      {tab === "book" ? (
        <BookingWizard mode="agent" prefill={prefill} />
      ) : (
        <>
          <form
            role="search"
            className="card mb-4 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              setQ(input);
              setOpen(null);
            }}
          >
            <div className="min-w-64 flex-1">
              <label htmlFor="agent-q" className="label">
                {t("searchLabel")}
              </label>
              <input
                id="agent-q"
                className="input"
                value={input}
                onChange={(e) => setInput(e.target.value)}
                aria-describedby="agent-q-hint"
              />
              <p id="agent-q-hint" className="text-sm text-gray-700">
                {t("searchHint")}
              </p>
            </div>
            <button type="submit" className="btn">
              {t("search")}
            </button>
          </form>
          <div role="status" aria-live="polite">
            {results.isFetching ? t("loading") : results.data ? t("hits", { n: results.data.length }) : null}
          </div>
          {results.data?.length ? (
            <div className="overflow-x-auto">
              <table className="table">
                <caption className="sr-only">{t("results")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reference")}</th>
                    <th scope="col">{t("when")}</th>
                    <th scope="col">{t("where")}</th>
                    <th scope="col">{t("persons")}</th>
                    <th scope="col">{t("status")}</th>
                    <th scope="col">{t("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.data.map((a) => (
                    <tr key={a.reference}>
                      <td>{a.reference}</td>
                      <td>
                        {a.date} {a.startTime}
                      </td>
                      <td>{locale === "en" ? a.deskName.en : a.deskName.nl}</td>
                      <td>{a.persons.map((p) => p.name).join(", ")}</td>
                      <td>{t(`statuses.${a.status}`)}</td>
                      <td>
                        <button type="button" className="btn-secondary px-2 py-1 text-sm" onClick={() => setOpen(a.reference)}>
                          {t("open")}
                          <span className="sr-only"> {a.reference}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {open ? (
            <div className="mt-4">
              <ManageAppointment key={open} reference={open} onChanged={() => results.refetch()} />
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
