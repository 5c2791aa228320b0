"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";

type Row = {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  kind: string;
  status: "queued" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
};

/** The outbox for admins: per message queued / sent / failed with the error, and a retry. */
export function OutboxAdmin() {
  const t = useTranslations("tickets");
  const fmt = useFormatter();
  const qc = useQueryClient();
  const [status, setStatus] = useState("");
  const [flash, setFlash] = useState<string | null>(null);
  const rows = useQuery({
    queryKey: ["admin", "outbox", status],
    queryFn: () => apiFetch<Row[]>(`/api/v1/admin/outbox${status ? `?status=${status}` : ""}`),
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/admin/outbox/${id}/retry`, { method: "POST" }),
    onSuccess: () => {
      setFlash(t("retried"));
      qc.invalidateQueries({ queryKey: ["admin", "outbox"] });
    },
  });
  const when = (s: string | null) => (s ? fmt.dateTime(new Date(s), { dateStyle: "short", timeStyle: "short" }) : "—");
  return (
    <>
      <h1>{t("outboxTitle")}</h1>
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <div>
          <label className="label" htmlFor="ob-status">
            {t("outboxFilter")}
          </label>
          <select id="ob-status" className="input" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t("outboxAll")}</option>
            {(["queued", "sent", "failed"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`delivery.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div role="status" aria-live="polite">
          {flash}
        </div>
      </div>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("colCreated")}</th>
              <th scope="col">{t("colTo")}</th>
              <th scope="col">{t("colSubject")}</th>
              <th scope="col">{t("colKind")}</th>
              <th scope="col">{t("colStatus")}</th>
              <th scope="col">{t("colAttempts")}</th>
              <th scope="col">{t("colNext")}</th>
              <th scope="col">{t("colError")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data?.map((r) => (
              <tr key={r.id} data-testid="outbox-row">
                <td className="whitespace-nowrap">{when(r.createdAt)}</td>
                <td>{r.to}</td>
                <td>{r.subject}</td>
                <td>{r.kind}</td>
                <td className={r.status === "failed" ? "font-bold text-danger" : r.status === "sent" ? "text-ok" : "text-warn"}>
                  {t(`delivery.${r.status}`)}
                </td>
                <td>{r.attempts}</td>
                <td className="whitespace-nowrap">{r.status === "queued" ? when(r.nextAttemptAt) : "—"}</td>
                <td className="max-w-xs break-words">{r.lastError ?? "—"}</td>
                <td>
                  {r.status !== "sent" ? (
                    <button
                      type="button"
                      className="btn-secondary px-2 py-1 text-sm"
                      aria-label={`${t("retry")}: ${r.subject}`}
                      onClick={() => retry.mutate(r.id)}
                    >
                      {t("retry")}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.data && !rows.data.length ? <p className="mt-4">{t("outboxEmpty")}</p> : null}
      </div>
    </>
  );
}
