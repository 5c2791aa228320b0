import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { settings } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/roles";
import { addDays, eachDay, type IsoDate } from "@/lib/calendar/dates";
import { NL_TZ, todayIn } from "@/lib/calendar/time";
import { deskStats } from "@/lib/appointments";
import { complaintMonthly, complaintSummary } from "@/lib/complaints";
import { emailDaily, emailSummary } from "@/lib/tickets";
import { recordEvent } from "@/lib/platform/events";
import {
  ahtSeconds,
  asaSeconds,
  complaintOnTimePct,
  deskUtilisationPct,
  difference,
  emailWithinSlaPct,
  noShowRatePct,
  reachabilityPct,
  roundTo50,
  serviceLevelPct,
  SERVICE_LEVEL_THRESHOLDS,
} from "./kpi";
import { DEFAULT_TARGETS, QUEUES, targetsSchema, type Queue, type Targets } from "./schemas";

export type Range = { from: IsoDate; to: IsoDate };
const TARGETS_KEY = "dashboards.targets";

// ---------------------------------------------------------------- targets

export async function getTargets(): Promise<Targets> {
  const rows = await db.execute<{ value: unknown }>(sql`select value from ${settings} where key = ${TARGETS_KEY}`);
  const parsed = targetsSchema.partial().safeParse(rows.rows[0]?.value ?? {});
  return { ...DEFAULT_TARGETS, ...(parsed.success ? parsed.data : {}) };
}

export async function setTargets(actor: Actor, targets: Targets): Promise<Targets> {
  requirePermission(actor, "viewDashboards");
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into ${settings} (key, value, updated_at) values (${TARGETS_KEY}, ${JSON.stringify(targets)}::jsonb, now())
      on conflict (key) do update set value = excluded.value, updated_at = now()`);
    await recordEvent(tx, actor, "settings", TARGETS_KEY, "dashboard_targets_changed", targets);
  });
  return targets;
}

// ---------------------------------------------------------------- calls (from the rollup)

type CallTotals = {
  offered: number;
  answered: number;
  abandoned: number;
  waitCount: number;
  waitSum: number;
  talkCount: number;
  talkSum: number;
  answeredWithinT: number;
};
const zero = (): CallTotals => ({
  offered: 0,
  answered: 0,
  abandoned: 0,
  waitCount: 0,
  waitSum: 0,
  talkCount: 0,
  talkSum: 0,
  answeredWithinT: 0,
});

function withinColumn(seconds: number) {
  // Whitelisted: the column name cannot be a parameter.
  if (!(SERVICE_LEVEL_THRESHOLDS as readonly number[]).includes(seconds)) throw new Error(`no rollup column for T=${seconds}`);
  return sql.raw(`answered_within_${seconds}`);
}

async function callTotalsByQueue(range: Range, serviceLevelSeconds: number): Promise<Record<Queue, CallTotals>> {
  const res = await db.execute<Record<string, string | number>>(sql`
    select queue, sum(offered) as offered, sum(answered) as answered, sum(abandoned) as abandoned,
           sum(wait_count) as wait_count, sum(wait_sum) as wait_sum, sum(talk_count) as talk_count,
           sum(talk_sum) as talk_sum, sum(${withinColumn(serviceLevelSeconds)}) as within_t
    from call_daily_stats where day between ${range.from}::date and ${range.to}::date group by queue`);
  const out = Object.fromEntries(QUEUES.map((q) => [q, zero()])) as Record<Queue, CallTotals>;
  for (const r of res.rows) {
    out[r.queue as Queue] = {
      offered: Number(r.offered),
      answered: Number(r.answered),
      abandoned: Number(r.abandoned),
      waitCount: Number(r.wait_count),
      waitSum: Number(r.wait_sum),
      talkCount: Number(r.talk_count),
      talkSum: Number(r.talk_sum),
      answeredWithinT: Number(r.within_t),
    };
  }
  return out;
}

function callFigures(t: CallTotals) {
  return {
    offered: t.offered,
    answered: t.answered,
    abandoned: t.abandoned,
    reachabilityPct: reachabilityPct(t),
    serviceLevelPct: serviceLevelPct(t),
    asaSeconds: asaSeconds(t),
    ahtSeconds: ahtSeconds(t),
  };
}
export type CallFigures = ReturnType<typeof callFigures>;

function addTotals(all: CallTotals[]): CallTotals {
  const s = zero();
  for (const t of all) for (const k of Object.keys(s) as (keyof CallTotals)[]) s[k] += t[k];
  return s;
}

// ---------------------------------------------------------------- summary

export async function dashboardSummary(actor: Actor, range: Range, now: Date = new Date()) {
  requirePermission(actor, "viewDashboards");
  const targets = await getTargets();
  const [byQueue, email, complaints, desks] = await Promise.all([
    callTotalsByQueue(range, targets.serviceLevelSeconds),
    emailSummary(range, now),
    complaintSummary(range, now),
    deskStats(range),
  ]);
  const desk = desks.reduce(
    (s, d) => ({
      places: s.places + d.places,
      booked: s.booked + d.booked,
      checkedIn: s.checkedIn + d.checkedIn,
      noShow: s.noShow + d.noShow,
    }),
    { places: 0, booked: 0, checkedIn: 0, noShow: 0 },
  );
  return {
    from: range.from,
    to: range.to,
    serviceLevelSeconds: targets.serviceLevelSeconds,
    calls: {
      ...callFigures(addTotals(QUEUES.map((q) => byQueue[q]))),
      byQueue: Object.fromEntries(QUEUES.map((q) => [q, callFigures(byQueue[q])])) as Record<Queue, CallFigures>,
    },
    emails: {
      received: email.received,
      firstResponses: email.firstResponses,
      firstResponsesWithinSla: email.firstResponsesWithinSla,
      withinSlaPct: emailWithinSlaPct(email),
      meanFirstResponseWorkingMinutes: email.meanFirstResponseWorkingMinutes,
      open: email.open,
    },
    complaints: {
      received: complaints.received,
      closed: complaints.closed,
      closedOnTime: complaints.closedOnTime,
      onTimePct: complaintOnTimePct(complaints),
      withdrawn: complaints.withdrawn,
      open: complaints.open,
      overdue: complaints.overdue,
    },
    appointments: { ...desk, utilisationPct: deskUtilisationPct(desk), noShowRatePct: noShowRatePct(desk) },
  };
}
export type DashboardSummary = Awaited<ReturnType<typeof dashboardSummary>>;

// ---------------------------------------------------------------- daily

export type DailyRow = { date: IsoDate; offered: number; answered: number; abandoned: number; reachabilityPct: number | null };

export async function dashboardDaily(actor: Actor, range: Range & { queue?: Queue }): Promise<DailyRow[]> {
  requirePermission(actor, "viewDashboards");
  const res = await db.execute<{ day: string; offered: string; answered: string; abandoned: string }>(sql`
    select day, sum(offered) as offered, sum(answered) as answered, sum(abandoned) as abandoned
    from call_daily_stats
    where day between ${range.from}::date and ${range.to}::date ${range.queue ? sql`and queue = ${range.queue}` : sql``}
    group by day`);
  const byDay = new Map(res.rows.map((r) => [r.day, r]));
  const rows: DailyRow[] = [];
  for (const date of eachDay(range.from, range.to)) {
    const r = byDay.get(date);
    const c = { offered: Number(r?.offered ?? 0), answered: Number(r?.answered ?? 0), abandoned: Number(r?.abandoned ?? 0) };
    rows.push({ date, ...c, reachabilityPct: reachabilityPct(c) });
  }
  return rows;
}

/** The period view's other series: emails per day, complaints per month, desks per desk. */
export async function dashboardSeries(actor: Actor, range: Range) {
  requirePermission(actor, "viewDashboards");
  const [emails, months, desks] = await Promise.all([emailDaily(range), complaintMonthly(range), deskStats(range)]);
  const emailByDay = new Map(emails.map((e) => [e.date, e]));
  const emailRows = [...eachDay(range.from, range.to)].map((date) => {
    const e = emailByDay.get(date);
    const received = e?.received ?? 0;
    const firstResponses = e?.firstResponses ?? 0;
    const within = e?.firstResponsesWithinSla ?? 0;
    return {
      date,
      received,
      firstResponses,
      firstResponsesWithinSla: within,
      withinSlaPct: emailWithinSlaPct({ firstResponses, firstResponsesWithinSla: within }),
    };
  });
  const complaintRows = months
    .slice()
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => ({ ...m, onTimePct: complaintOnTimePct(m) }));
  const perDesk = new Map<string, { places: number; booked: number; checkedIn: number; noShow: number }>();
  for (const d of desks) {
    const s = perDesk.get(d.deskCode) ?? { places: 0, booked: 0, checkedIn: 0, noShow: 0 };
    s.places += d.places;
    s.booked += d.booked;
    s.checkedIn += d.checkedIn;
    s.noShow += d.noShow;
    perDesk.set(d.deskCode, s);
  }
  const deskRows = [...perDesk.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([deskCode, s]) => ({ deskCode, ...s, utilisationPct: deskUtilisationPct(s), noShowRatePct: noShowRatePct(s) }));
  return { emails: emailRows, complaints: complaintRows, desks: deskRows, targets: await getTargets() };
}

// ---------------------------------------------------------------- wallboard

export async function wallboard(actor: Actor, now: Date = new Date()) {
  requirePermission(actor, "viewDashboards");
  const today = todayIn(NL_TZ, now);
  const range = { from: today, to: today };
  const targets = await getTargets();
  const [byQueue, waiting, email, complaints, desks] = await Promise.all([
    callTotalsByQueue(range, targets.serviceLevelSeconds),
    // Calls waiting now: CTI calls offered today, neither answered nor ended yet (spec 05).
    db.execute<{ queue: string; n: string }>(sql`
      select queue, count(*) as n from calls
      where source = 'cti' and direction = 'in' and queue is not null
        and offered_at >= (${today}::date::timestamp at time zone ${NL_TZ})
        and answered_at is null and ended_at is null and result is null
      group by queue`),
    emailSummary(range, now),
    complaintSummary(range, now),
    deskStats(range),
  ]);
  const waitingBy = new Map(waiting.rows.map((r) => [r.queue, Number(r.n)]));
  const desk = desks.reduce(
    (s, d) => ({ booked: s.booked + d.booked, checkedIn: s.checkedIn + d.checkedIn, noShow: s.noShow + d.noShow }),
    { booked: 0, checkedIn: 0, noShow: 0 },
  );
  return {
    date: today,
    at: now.toISOString(),
    targets,
    queues: QUEUES.map((q) => ({ queue: q, ...callFigures(byQueue[q]), waiting: waitingBy.get(q) ?? 0 })),
    tickets: { unassigned: email.unassigned, overdue: email.overdue, open: email.open },
    complaints: { overdue: complaints.overdue, dueWithin5WorkingDays: complaints.dueWithin5WorkingDays },
    desks: desk,
  };
}
export type Wallboard = Awaited<ReturnType<typeof wallboard>>;

// ---------------------------------------------------------------- annual report

export type AnnualRow = {
  key: string;
  label: string;
  unit: "count" | "pct";
  previous: number | null;
  current: number | null;
  previousRounded: number | null;
  currentRounded: number | null;
  differencePct: number | null;
};

/** Labels of the annual report's rows, in the seed's wording for Dutch. */
export const ANNUAL_LABELS: Record<string, { nl: string; en: string }> = {
  callsOffered: { nl: "Totaal aantal binnengekomen calls", en: "Total incoming calls" },
  reachabilityPct: { nl: "Gemiddelde telefonische bereikbaarheid", en: "Average telephone reachability" },
  complaintsReceived: { nl: "Aantal klachten", en: "Complaints received" },
  complaintsOnTimePct: { nl: "Tijdige afhandeling klachten (streefwaarde {target}%)", en: "Complaints handled on time (target {target}%)" },
  emailsReceived: { nl: "Aantal e-mails", en: "Emails received" },
  emailsWithinSlaPct: { nl: "Eerste reactie e-mail binnen de norm", en: "First email responses within the SLA" },
  deskBooked: { nl: "Geboekte loketafspraken", en: "Desk appointments booked" },
  deskUtilisationPct: { nl: "Bezetting loketten", en: "Desk utilisation" },
};

export async function annualReport(actor: Actor, year: number, lang: "nl" | "en" = "nl", now: Date = new Date()) {
  requirePermission(actor, "viewDashboards");
  const [prev, cur] = await Promise.all([
    dashboardSummary(actor, { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }, now),
    dashboardSummary(actor, { from: `${year}-01-01`, to: `${year}-12-31` }, now),
  ]);
  const target = (await getTargets()).complaintOnTimePct;
  const pick: [string, "count" | "pct", (s: DashboardSummary) => number | null][] = [
    ["callsOffered", "count", (s) => s.calls.offered],
    ["reachabilityPct", "pct", (s) => s.calls.reachabilityPct],
    ["complaintsReceived", "count", (s) => s.complaints.received],
    ["complaintsOnTimePct", "pct", (s) => s.complaints.onTimePct],
    ["emailsReceived", "count", (s) => s.emails.received],
    ["emailsWithinSlaPct", "pct", (s) => s.emails.withinSlaPct],
    ["deskBooked", "count", (s) => s.appointments.booked],
    ["deskUtilisationPct", "pct", (s) => s.appointments.utilisationPct],
  ];
  // Counts to the nearest 50 and percentages to whole percents, as the seed's table shows them.
  const rounded = (unit: "count" | "pct", v: number | null) => (v === null ? null : unit === "count" ? roundTo50(v) : Math.round(v));
  const rows: AnnualRow[] = pick.map(([key, unit, f]) => {
    const previous = f(prev);
    const current = f(cur);
    return {
      key,
      label: ANNUAL_LABELS[key][lang].replace("{target}", String(target)),
      unit,
      previous,
      current,
      previousRounded: rounded(unit, previous),
      currentRounded: rounded(unit, current),
      differencePct: difference(unit, previous, current),
    };
  });
  return { year, previousYear: year - 1, rows };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function annualCsv(report: Awaited<ReturnType<typeof annualReport>>): string {
  return toCsv(
    [
      "key",
      "label",
      "unit",
      String(report.previousYear),
      String(report.year),
      `${report.previousYear} (rounded)`,
      `${report.year} (rounded)`,
      "difference",
    ],
    report.rows.map((r) => [r.key, r.label, r.unit, r.previous, r.current, r.previousRounded, r.currentRounded, r.differencePct]),
  );
}

/** The default period of the period view: the last 30 days up to today. */
export function defaultRange(now: Date = new Date()): Range {
  const to = todayIn(NL_TZ, now);
  return { from: addDays(to, -29), to };
}
