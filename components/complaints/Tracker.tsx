"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { useCategories } from "./useCategories";

type Item = {
  reference: string;
  name: string;
  channel: string;
  status: string;
  category: string;
  receivedOn: string;
  deadline: string;
  acknowledgedOn: string | null;
  closedOn: string | null;
  handlerName: string | null;
  band: "overdue" | "soon" | "later" | null;
  workingDaysLeft: number | null;
};
type List = { today: string; counts: { open: number; notAcknowledged: number; noHandler: number; overdue: number }; items: Item[] };
type Handler = { id: string; name: string };

export const useHandlers = () =>
  useQuery({ queryKey: ["complaints", "handlers"], queryFn: () => apiFetch<Handler[]>("/api/v1/complaints/handlers") });

/** The tracker: open complaints by days left in bands, with filters and the counts the team watches. */
export function Tracker({ canImport }: { canImport: boolean }) {
  const t = useTranslations("complaints");
  const [filters, setFilters] = useState({ status: "open", handler: "", channel: "" });
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  const list = useQuery({
    queryKey: ["complaints", "list", qs],
    queryFn: () => apiFetch<List>(`/api/v1/complaints?${qs}`),
    refetchInterval: 60_000,
  });
  const handlers = useHandlers();
  const categories = useCategories();
  const items = list.data?.items ?? [];
  const bands = filters.status === "closed" ? [null] : (["overdue", "soon", "later"] as const);
  return (
    <>
      <h1>{t("tracker.title")}</h1>
      <p className="mb-4">{t("tracker.intro")}</p>
      <p className="mb-6 flex flex-wrap gap-3">
        <Link href="/agent/complaints/new" className="btn">
          {t("tracker.new")}
        </Link>
        <Link href="/agent/complaints/register" className="btn-secondary">
          {t("tracker.register")}
        </Link>
        <Link href="/agent/complaints/publication" className="btn-secondary">
          {t("tracker.publication")}
        </Link>
      </p>
      {list.data ? (
        <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
          {(
            [
              ["countOpen", list.data.counts.open],
              ["countOverdue", list.data.counts.overdue],
              ["countNotAcknowledged", list.data.counts.notAcknowledged],
              ["countNoHandler", list.data.counts.noHandler],
            ] as const
          ).map(([k, n]) => (
            <div key={k} className="card">
              <dt className="text-sm">{t(`tracker.${k}`)}</dt>
              <dd className="text-2xl font-bold" data-testid={k}>
                {n}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <form className="card mb-6 grid gap-4 md:grid-cols-3" aria-label={t("tracker.filters")} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="f-status" className="label">
            {t("tracker.status")}
          </label>
          <select
            id="f-status"
            className="input"
            value={filters.status}
            onChange={(e) => setFilters({ ...filters, status: e.target.value })}
          >
            <option value="open">{t("tracker.allOpen")}</option>
            <option value="triage">{t("statuses.triage")}</option>
            <option value="closed">{t("statuses.closed")}</option>
            <option value="all">{t("tracker.all")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-handler" className="label">
            {t("tracker.handler")}
          </label>
          <select
            id="f-handler"
            className="input"
            value={filters.handler}
            onChange={(e) => setFilters({ ...filters, handler: e.target.value })}
          >
            <option value="">{t("tracker.all")}</option>
            <option value="me">{t("tracker.me")}</option>
            <option value="none">{t("tracker.none")}</option>
            {(handlers.data ?? []).map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-channel" className="label">
            {t("tracker.channel")}
          </label>
          <select
            id="f-channel"
            className="input"
            value={filters.channel}
            onChange={(e) => setFilters({ ...filters, channel: e.target.value })}
          >
            <option value="">{t("tracker.all")}</option>
            {["web", "email", "letter", "phone", "desk"].map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div role="status" aria-live="polite" className="sr-only">
        {list.isLoading ? t("tracker.loading") : t("tracker.count", { count: items.length })}
      </div>
      {list.isLoading ? <p>{t("tracker.loading")}</p> : null}
      {bands.map((band) => {
        const all = items.filter((i) => i.band === band);
        const id = `band-${band ?? "closed"}`;
        // Long bands show their most urgent 100 first; the rest on request.
        const rows = expanded[id] ? all : all.slice(0, 100);
        return (
          <section key={id} aria-labelledby={id} className="mb-8">
            <h2 id={id}>
              {band ? t(`bands.${band}`) : t("statuses.closed")} ({all.length})
            </h2>
            {rows.length === 0 ? (
              <p>{t("tracker.empty")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("tracker.reference")}</th>
                      <th scope="col">{t("tracker.name")}</th>
                      <th scope="col">{t("tracker.channel")}</th>
                      <th scope="col">{t("tracker.category")}</th>
                      <th scope="col">{t("tracker.status")}</th>
                      <th scope="col">{t("tracker.received")}</th>
                      <th scope="col">{t("tracker.deadline")}</th>
                      <th scope="col">{t("tracker.daysLeft")}</th>
                      <th scope="col">{t("tracker.acknowledged")}</th>
                      <th scope="col">{t("tracker.handler")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.reference}>
                        <th scope="row">
                          <Link href={`/agent/complaints/${encodeURIComponent(r.reference)}`}>{r.reference}</Link>
                        </th>
                        <td>{r.name}</td>
                        <td>{t(`channels.${r.channel}`)}</td>
                        <td>{categories.label(r.category)}</td>
                        <td>{t(`statuses.${r.status}`)}</td>
                        <td>{r.receivedOn}</td>
                        <td>{r.deadline}</td>
                        <td>{r.workingDaysLeft ?? "—"}</td>
                        <td>{r.acknowledgedOn ? t("tracker.yes") : t("tracker.no")}</td>
                        <td>{r.handlerName ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {all.length > rows.length ? (
                  <button type="button" className="btn-secondary mt-2" onClick={() => setExpanded({ ...expanded, [id]: true })}>
                    {t("tracker.showAll", { count: all.length })}
                  </button>
                ) : null}
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
