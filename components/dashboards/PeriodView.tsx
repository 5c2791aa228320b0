"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { apiFetch, ApiError } from "@/lib/client/api";
import { SERVICE_LEVEL_THRESHOLDS } from "@/lib/dashboards/kpi";
import type { Targets } from "@/lib/dashboards/schemas";
import type { DailyRow, DashboardSummary, dashboardSeries } from "@/lib/dashboards/service";
import { ChartSection, Kpi, useKpiFormat } from "./common";

type Series = Awaited<ReturnType<typeof dashboardSeries>>;

// Theme colours (AA on white): answered = rijks blue, abandoned = danger red, lines in ok/warn.
const C = { answered: "#154273", abandoned: "#a4161a", line: "#1e6b30", target: "#8a4b00", second: "#5a6b7d" };

export function PeriodView({ initialFrom, initialTo }: { initialFrom: string; initialTo: string }) {
  const t = useTranslations("dashboards.period");
  const tk = useTranslations("dashboards.kpi");
  const tc = useTranslations("common");
  const k = useKpiFormat();
  const [draft, setDraft] = useState({ from: initialFrom, to: initialTo });
  const [range, setRange] = useState({ from: initialFrom, to: initialTo });
  const qs = `from=${range.from}&to=${range.to}`;
  const summary = useQuery({
    queryKey: ["dashboard", "summary", qs],
    queryFn: () => apiFetch<DashboardSummary>(`/api/v1/dashboard/summary?${qs}`),
  });
  const daily = useQuery({ queryKey: ["dashboard", "daily", qs], queryFn: () => apiFetch<DailyRow[]>(`/api/v1/dashboard/daily?${qs}`) });
  const series = useQuery({ queryKey: ["dashboard", "series", qs], queryFn: () => apiFetch<Series>(`/api/v1/dashboard/series?${qs}`) });
  const rangeError = [summary.error, daily.error].find((e) => e instanceof ApiError) as ApiError | undefined;
  const s = summary.data;
  const targets = series.data?.targets;

  return (
    <>
      <h1>{t("title")}</h1>
      <form
        className="card mb-6 flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setRange(draft);
        }}
      >
        {(["from", "to"] as const).map((f) => (
          <div key={f}>
            <label htmlFor={`p-${f}`} className="label">
              {t(f)}
            </label>
            <input
              id={`p-${f}`}
              type="date"
              className="input"
              value={draft[f]}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
              aria-invalid={rangeError?.fields[f] ? true : undefined}
              aria-describedby={rangeError?.fields[f] ? `p-${f}-err` : undefined}
            />
            {rangeError?.fields[f] ? (
              <p id={`p-${f}-err`} className="field-error">
                {rangeError.fields[f]}
              </p>
            ) : null}
          </div>
        ))}
        <button type="submit" className="btn">
          {t("show")}
        </button>
        <p className="w-full text-sm" role="status" aria-live="polite">
          {summary.isFetching ? tc("loading") : t("periodLabel", range)}
        </p>
      </form>

      <section aria-labelledby="kpis-h" className="mb-6">
        <h2 id="kpis-h">{t("kpis")}</h2>
        {s ? (
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Kpi label={tk("offered")} value={k.count(s.calls.offered)} definition={tk("offeredDef")} testId="kpi-offered" />
            <Kpi label={tk("answered")} value={k.count(s.calls.answered)} definition={tk("answeredDef")} testId="kpi-answered" />
            <Kpi label={tk("abandoned")} value={k.count(s.calls.abandoned)} definition={tk("abandonedDef")} />
            <Kpi
              label={tk("reachability")}
              value={k.pct(s.calls.reachabilityPct)}
              definition={tk("reachabilityDef")}
              testId="kpi-reachability"
              target={targets ? k.pct(targets.reachabilityPct) : undefined}
            />
            <Kpi
              label={tk("serviceLevel")}
              value={k.pct(s.calls.serviceLevelPct)}
              definition={tk("serviceLevelDef", { seconds: s.serviceLevelSeconds })}
              target={targets ? k.pct(targets.serviceLevelPct) : undefined}
            />
            <Kpi label={tk("asa")} value={k.seconds(s.calls.asaSeconds)} definition={tk("asaDef")} />
            <Kpi label={tk("aht")} value={k.seconds(s.calls.ahtSeconds)} definition={tk("ahtDef")} />
            <Kpi label={tk("emailsReceived")} value={k.count(s.emails.received)} definition={tk("emailsReceivedDef")} />
            <Kpi
              label={tk("emailsWithinSla")}
              value={k.pct(s.emails.withinSlaPct)}
              definition={tk("emailsWithinSlaDef")}
              target={targets ? k.pct(targets.emailWithinSlaPct) : undefined}
            />
            <Kpi label={tk("emailsOpen")} value={k.count(s.emails.open)} definition={tk("emailsOpenDef")} />
            <Kpi label={tk("complaintsReceived")} value={k.count(s.complaints.received)} definition={tk("complaintsReceivedDef")} />
            <Kpi
              label={tk("complaintsOnTime")}
              value={k.pct(s.complaints.onTimePct)}
              definition={tk("complaintsOnTimeDef")}
              target={targets ? k.pct(targets.complaintOnTimePct) : undefined}
            />
            <Kpi label={tk("complaintsOverdue")} value={k.count(s.complaints.overdue)} definition={tk("complaintsOverdueDef")} />
            <Kpi label={tk("deskUtilisation")} value={k.pct(s.appointments.utilisationPct)} definition={tk("deskUtilisationDef")} />
            <Kpi label={tk("noShow")} value={k.pct(s.appointments.noShowRatePct)} definition={tk("noShowDef")} />
          </dl>
        ) : (
          <p>{tc("loading")}</p>
        )}
      </section>

      {daily.data && targets ? (
        <ChartSection
          id="calls"
          title={t("callsChart")}
          description={t("callsChartDesc")}
          empty={false}
          csvName={`gesprekken-${range.from}-${range.to}.csv`}
          header={["date", "offered", "answered", "abandoned", "reachabilityPct"].map((h) =>
            h === "date" ? t("date") : h === "reachabilityPct" ? tk("reachability") : tk(h as "offered"),
          )}
          rows={daily.data.map((r) => [r.date, r.offered, r.answered, r.abandoned, r.reachabilityPct])}
          chart={
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={daily.data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" tick={{ fontSize: 12 }} />
                <YAxis yAxisId="n" allowDecimals={false} />
                <YAxis yAxisId="p" orientation="right" type="number" domain={[0, 100]} allowDataOverflow unit="%" />
                <Tooltip />
                <Legend />
                <Bar yAxisId="n" dataKey="answered" name={tk("answered")} stackId="c" fill={C.answered} isAnimationActive={false} />
                <Bar yAxisId="n" dataKey="abandoned" name={tk("abandoned")} stackId="c" fill={C.abandoned} isAnimationActive={false} />
                <Line
                  yAxisId="p"
                  dataKey="reachabilityPct"
                  name={tk("reachability")}
                  stroke={C.line}
                  strokeWidth={2}
                  dot={false}
                  connectNulls
                  isAnimationActive={false}
                />
                <ReferenceLine
                  yAxisId="p"
                  y={targets.reachabilityPct}
                  stroke={C.target}
                  strokeDasharray="6 3"
                  label={{ value: `${t("target")} ${targets.reachabilityPct}%`, fill: C.target, position: "insideTopLeft" }}
                />
              </ComposedChart>
            </ResponsiveContainer>
          }
        />
      ) : null}

      {series.data ? (
        <>
          <ChartSection
            id="complaints"
            title={t("complaintsChart")}
            description={t("complaintsChartDesc")}
            empty={series.data.complaints.length === 0}
            csvName={`klachten-${range.from}-${range.to}.csv`}
            header={[t("month"), t("closed"), t("closedOnTime"), t("onTime")]}
            rows={series.data.complaints.map((m) => [m.month, m.closed, m.closedOnTime, m.onTimePct])}
            chart={
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={series.data.complaints}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="onTimePct" name={t("onTime")} fill={C.answered} isAnimationActive={false} />
                  <ReferenceLine
                    y={series.data.targets.complaintOnTimePct}
                    stroke={C.target}
                    strokeDasharray="6 3"
                    label={{
                      value: `${t("target")} ${series.data.targets.complaintOnTimePct}%`,
                      fill: C.target,
                      position: "insideTopLeft",
                    }}
                  />
                </BarChart>
              </ResponsiveContainer>
            }
          />
          <ChartSection
            id="emails"
            title={t("emailsChart")}
            description={t("emailsChartDesc")}
            empty={false}
            csvName={`email-${range.from}-${range.to}.csv`}
            header={[t("date"), t("received"), t("firstResponses"), t("withinSla"), tk("emailsWithinSla")]}
            rows={series.data.emails.map((e) => [e.date, e.received, e.firstResponses, e.firstResponsesWithinSla, e.withinSlaPct])}
            chart={
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={series.data.emails}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" tick={{ fontSize: 12 }} />
                  <YAxis yAxisId="n" allowDecimals={false} />
                  <YAxis yAxisId="p" orientation="right" type="number" domain={[0, 100]} allowDataOverflow unit="%" />
                  <Tooltip />
                  <Legend />
                  <Bar yAxisId="n" dataKey="received" name={t("received")} fill={C.second} isAnimationActive={false} />
                  <Bar yAxisId="n" dataKey="firstResponses" name={t("firstResponses")} fill={C.answered} isAnimationActive={false} />
                  <Line
                    yAxisId="p"
                    dataKey="withinSlaPct"
                    name={tk("emailsWithinSla")}
                    stroke={C.line}
                    strokeWidth={2}
                    dot={false}
                    connectNulls
                    isAnimationActive={false}
                  />
                  <ReferenceLine
                    yAxisId="p"
                    y={series.data.targets.emailWithinSlaPct}
                    stroke={C.target}
                    strokeDasharray="6 3"
                    label={{ value: `${t("target")} ${series.data.targets.emailWithinSlaPct}%`, fill: C.target, position: "insideTopLeft" }}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            }
          />
          <ChartSection
            id="desks"
            title={t("desksChart")}
            description={t("desksChartDesc")}
            empty={series.data.desks.length === 0}
            csvName={`loketten-${range.from}-${range.to}.csv`}
            header={[t("desk"), t("places"), "booked", "checkedIn", "noShow", t("utilisation"), t("noShowRate")]}
            rows={series.data.desks.map((d) => [d.deskCode, d.places, d.booked, d.checkedIn, d.noShow, d.utilisationPct, d.noShowRatePct])}
            chart={
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={series.data.desks}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="deskCode" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="utilisationPct" name={t("utilisation")} fill={C.answered} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
          />
          <TargetsForm targets={series.data.targets} />
        </>
      ) : null}
    </>
  );
}

function TargetsForm({ targets }: { targets: Targets }) {
  const t = useTranslations("dashboards.period");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const [v, setV] = useState<Targets>(targets);
  useEffect(() => setV(targets), [targets]);
  const save = useMutation({
    mutationFn: () => apiFetch<Targets>("/api/v1/dashboard/targets", { method: "PUT", body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["dashboard"] }),
  });
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const numberField = (key: keyof Targets, label: string) => (
    <div key={key}>
      <label htmlFor={`t-${key}`} className="label">
        {label}
      </label>
      <input
        id={`t-${key}`}
        type="number"
        min={0}
        max={100}
        step="0.1"
        className="input"
        value={v[key]}
        onChange={(e) => setV({ ...v, [key]: Number(e.target.value) })}
        aria-invalid={fields[key] ? true : undefined}
        aria-describedby={fields[key] ? `t-${key}-err` : undefined}
      />
      {fields[key] ? (
        <p id={`t-${key}-err`} className="field-error">
          {fields[key]}
        </p>
      ) : null}
    </div>
  );
  return (
    <section aria-labelledby="targets-h" className="card mb-6">
      <h2 id="targets-h">{t("targetsTitle")}</h2>
      <form
        className="grid gap-4 md:grid-cols-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {numberField("reachabilityPct", t("targetReachability"))}
        {numberField("serviceLevelPct", t("targetServiceLevel"))}
        <div>
          <label htmlFor="t-serviceLevelSeconds" className="label">
            {t("targetServiceLevelSeconds")}
          </label>
          <select
            id="t-serviceLevelSeconds"
            className="input"
            value={v.serviceLevelSeconds}
            onChange={(e) => setV({ ...v, serviceLevelSeconds: Number(e.target.value) })}
          >
            {SERVICE_LEVEL_THRESHOLDS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {numberField("complaintOnTimePct", t("targetComplaints"))}
        {numberField("emailWithinSlaPct", t("targetEmail"))}
        <div className="self-end">
          <button type="submit" className="btn" disabled={save.isPending}>
            {tc("save")}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className="mt-2">
        {save.isSuccess ? t("targetsSaved") : save.isError && !Object.keys(fields).length ? tc("error") : ""}
      </p>
    </section>
  );
}
