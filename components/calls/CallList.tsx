"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { otherParty, useCallMeta, useTopicLabel, useWhen, type CallView } from "./hooks";

const RESULTS = ["answered", "abandoned", "timeout", "busy", "no_answer", "failed", "transferred", "missed", "open"] as const;
const PAGE = 50;

/** The call log with filters: queue, agent, date, result, topic (spec 03). */
export function CallList() {
  const t = useTranslations("calls");
  const meta = useCallMeta();
  const topicLabel = useTopicLabel();
  const when = useWhen();
  const [draft, setDraft] = useState({ from: "", to: "", queue: "", agent: "", result: "", topic: "" });
  const [filters, setFilters] = useState(draft);
  const [offset, setOffset] = useState(0);
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  params.set("limit", String(PAGE));
  params.set("offset", String(offset));
  const list = useQuery({
    queryKey: ["calls", "list", params.toString()],
    queryFn: () => apiFetch<{ calls: CallView[]; total: number }>(`/api/v1/calls?${params}`),
    placeholderData: keepPreviousData,
  });
  const select = (name: keyof typeof draft, label: string, options: [string, string][]) => (
    <div>
      <label htmlFor={`f-${name}`} className="label">
        {label}
      </label>
      <select id={`f-${name}`} className="input" value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}>
        <option value="">{t("list.all")}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  const secs = (s: number | null) =>
    s === null ? "—" : s >= 120 ? t("list.minutes", { n: Math.round(s / 60) }) : t("list.seconds", { n: s });
  return (
    <section aria-labelledby="call-list" className="mb-8">
      <h2 id="call-list">{t("list.title")}</h2>
      <form
        aria-label={t("list.filters")}
        className="card mb-4 grid gap-3 md:grid-cols-4 lg:grid-cols-7"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilters(draft);
        }}
      >
        <div>
          <label htmlFor="f-from" className="label">
            {t("list.from")}
          </label>
          <input
            id="f-from"
            type="date"
            className="input"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="f-to" className="label">
            {t("list.to")}
          </label>
          <input id="f-to" type="date" className="input" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        {select(
          "queue",
          t("fields.queue"),
          (meta.data?.queues ?? []).map((q) => [q, t(`queues.${q}` as "queues.frontdesk")]),
        )}
        {select("agent", t("fields.agent"), [
          ["me", t("list.me")],
          ...(meta.data?.agents ?? []).map((a) => [a.id, a.name] as [string, string]),
        ])}
        {select(
          "result",
          t("fields.result"),
          RESULTS.map((r) => [r, t(`results.${r}`)]),
        )}
        {select(
          "topic",
          t("fields.topic"),
          (meta.data?.topics ?? []).map((x) => [x.key, topicLabel(x.key)]),
        )}
        <div className="self-end">
          <button type="submit" className="btn">
            {t("list.apply")}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className="mb-2">
        {list.data ? (list.data.total ? t("list.count", { total: list.data.total }) : t("list.empty")) : null}
      </p>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("fields.time")}</th>
              <th scope="col">{t("fields.direction")}</th>
              <th scope="col">{t("fields.number")}</th>
              <th scope="col">{t("fields.queue")}</th>
              <th scope="col">{t("fields.agent")}</th>
              <th scope="col">{t("fields.wait")}</th>
              <th scope="col">{t("fields.talk")}</th>
              <th scope="col">{t("fields.result")}</th>
              <th scope="col">{t("fields.topic")}</th>
              <th scope="col">{t("fields.customer")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.calls.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`/agent/calls/${c.id}`}>{when(c.offeredAt)}</a>
                </td>
                <td>{t(`direction.${c.direction}`)}</td>
                <td>{otherParty(c) ?? "—"}</td>
                <td>{c.queue ? t(`queues.${c.queue}` as "queues.frontdesk") : "—"}</td>
                <td>{c.agentName ?? c.agentLabel ?? "—"}</td>
                <td>{secs(c.waitSeconds)}</td>
                <td>{secs(c.talkSeconds)}</td>
                <td>{t(`results.${c.result ?? "open"}` as "results.open")}</td>
                <td>{topicLabel(c.topic) || "—"}</td>
                <td>{c.customerName ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex gap-2">
        <button type="button" className="btn-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t("list.previous")}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={!list.data || offset + PAGE >= list.data.total}
          onClick={() => setOffset(offset + PAGE)}
        >
          {t("list.next")}
        </button>
      </div>
    </section>
  );
}
