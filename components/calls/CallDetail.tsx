"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { CallActions } from "./CallActions";
import { CallLogForm } from "./CallLogForm";
import { otherParty, useWhen, type CallView } from "./hooks";

export function CallDetail({ id }: { id: number }) {
  const t = useTranslations("calls");
  const tc = useTranslations("common");
  const when = useWhen();
  const call = useQuery({ queryKey: ["calls", "one", id], queryFn: () => apiFetch<CallView>(`/api/v1/calls/${id}`) });
  const c = call.data;
  return (
    <>
      <h1>{t("detail.title", { id })}</h1>
      <p className="mb-4">
        <a href="/agent/calls">{t("detail.back")}</a>
      </p>
      {call.isLoading ? <p>{tc("loading")}</p> : null}
      {call.error ? <p role="alert">{call.error.message}</p> : null}
      {c ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="call-facts" className="card">
            <h2 id="call-facts">{otherParty(c) ?? "—"}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-semibold">{t("fields.time")}</dt>
              <dd>{when(c.offeredAt)}</dd>
              <dt className="font-semibold">{t("fields.direction")}</dt>
              <dd>{t(`direction.${c.direction}`)}</dd>
              <dt className="font-semibold">{t("fields.queue")}</dt>
              <dd>{c.queue ? t(`queues.${c.queue}` as "queues.frontdesk") : "—"}</dd>
              <dt className="font-semibold">{t("fields.agent")}</dt>
              <dd>{c.agentName ?? c.agentLabel ?? "—"}</dd>
              <dt className="font-semibold">{t("fields.wait")}</dt>
              <dd>{c.waitSeconds ?? "—"} s</dd>
              <dt className="font-semibold">{t("fields.talk")}</dt>
              <dd>{c.talkSeconds ?? "—"} s</dd>
              <dt className="font-semibold">{t("fields.result")}</dt>
              <dd>{t(`results.${c.result ?? "open"}` as "results.open")}</dd>
              <dt className="font-semibold">{t("fields.source")}</dt>
              <dd>{t(`sources.${c.source}` as "sources.cti")}</dd>
              <dt className="font-semibold">{t("fields.customer")}</dt>
              <dd>{c.customerName ?? "—"}</dd>
            </dl>
            {c.callbackOutcome ? (
              <p className="mt-2">
                {t("detail.calledBack", { outcome: t(`missed.outcomes.${c.callbackOutcome}` as "missed.outcomes.reached") })}
              </p>
            ) : null}
          </section>
          <div className="card space-y-6">
            <CallLogForm call={c} />
            <CallActions call={c} customer={null} />
          </div>
        </div>
      ) : null}
    </>
  );
}
