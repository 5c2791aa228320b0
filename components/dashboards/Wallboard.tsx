"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import type { Wallboard as WallboardData } from "@/lib/dashboards/service";
import { useKpiFormat } from "./common";

/** Refresh at least every 15 s (spec 05); 10 s leaves room for a slow response. */
export const WALLBOARD_REFRESH_MS = 10_000;

export function Wallboard() {
  const t = useTranslations("dashboards.wallboard");
  const tq = useTranslations("dashboards.queues");
  const tc = useTranslations("common");
  const f = useFormatter();
  const k = useKpiFormat();
  const q = useQuery({
    queryKey: ["dashboard", "wallboard"],
    queryFn: () => apiFetch<WallboardData>("/api/v1/dashboard/wallboard"),
    refetchInterval: WALLBOARD_REFRESH_MS,
    refetchIntervalInBackground: true,
  });
  const d = q.data;
  const big = "text-5xl font-bold tabular-nums";
  return (
    <div className="rounded bg-white text-gray-900">
      <h1>{t("title")}</h1>
      {q.isError ? (
        <p role="alert" className="text-danger">
          {tc("error")}
        </p>
      ) : null}
      {!d ? (
        <p>{tc("loading")}</p>
      ) : (
        <>
          <p className="mb-4 text-lg">{t("updated", { time: f.dateTime(new Date(d.at), { timeStyle: "medium" }) })}</p>
          {/* The live region announces only a short line per queue, not the whole board. */}
          <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="wallboard-live">
            {d.queues
              .map((r) => t("summaryLive", { queue: tq(r.queue), offered: r.offered, answered: r.answered, waiting: r.waiting }))
              .join(" ")}
          </div>
          <section aria-labelledby="wb-calls" className="mb-8">
            <h2 id="wb-calls" className="text-2xl">
              {t("callsHeading")}
            </h2>
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left" data-testid="wallboard-queues">
                <thead>
                  <tr className="border-b-4 border-rijks text-xl">
                    <th scope="col" className="p-3">
                      {t("queue")}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t("waiting")}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t("offered")}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t("answered")}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t("abandoned")}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t("reachability")}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t("asa")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.queues.map((r) => {
                    const below = r.reachabilityPct !== null && r.reachabilityPct < d.targets.reachabilityPct;
                    return (
                      <tr key={r.queue} className="border-b-2 border-gray-300" data-testid={`wb-${r.queue}`}>
                        <th scope="row" className="p-3 text-2xl">
                          {tq(r.queue)}
                        </th>
                        <td className={`p-3 text-right ${big} ${r.waiting > 0 ? "text-warn" : ""}`} data-testid={`wb-${r.queue}-waiting`}>
                          {r.waiting}
                        </td>
                        <td className={`p-3 text-right ${big}`} data-testid={`wb-${r.queue}-offered`}>
                          {r.offered}
                        </td>
                        <td className={`p-3 text-right ${big}`}>{r.answered}</td>
                        <td className={`p-3 text-right ${big}`}>{r.abandoned}</td>
                        <td className={`p-3 text-right ${big} ${r.reachabilityPct === null ? "" : below ? "text-danger" : "text-ok"}`}>
                          {k.pct(r.reachabilityPct)}
                        </td>
                        <td className={`p-3 text-right ${big}`}>{k.seconds(r.asaSeconds)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          <div className="grid gap-6 md:grid-cols-3">
            <Block
              title={t("ticketsHeading")}
              id="wb-tickets"
              items={[
                [t("unassigned"), d.tickets.unassigned],
                [t("overdue"), d.tickets.overdue],
              ]}
            />
            <Block
              title={t("complaintsHeading")}
              id="wb-complaints"
              items={[
                [t("complaintsOverdue"), d.complaints.overdue],
                [t("complaintsDueSoon"), d.complaints.dueWithin5WorkingDays],
              ]}
            />
            <Block
              title={t("desksHeading")}
              id="wb-desks"
              items={[
                [t("booked"), d.desks.booked],
                [t("checkedIn"), d.desks.checkedIn],
                [t("noShow"), d.desks.noShow],
              ]}
            />
          </div>
        </>
      )}
    </div>
  );
}

function Block({ title, id, items }: { title: string; id: string; items: [string, number][] }) {
  return (
    <section aria-labelledby={id} className="rounded border-2 border-rijks p-4">
      <h2 id={id} className="text-2xl">
        {title}
      </h2>
      <dl className="grid grid-cols-2 gap-2">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="text-lg">{label}</dt>
            <dd className="text-5xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
