import type { IsoDate } from "@/lib/calendar/dates";
import { erlangAMetrics, erlangARequiredAgents, type ErlangAMetrics } from "./erlang-a";
import {
  assertFinite,
  assertPct,
  erlangCMetrics,
  erlangCRequiredAgents,
  pctToRational,
  scheduledStaff,
  trafficErlangs,
  type ErlangCMetrics,
} from "./erlang-c";
import type { IntervalForecast } from "./forecast";
import { INTERVAL_MINUTES, INTERVAL_SECONDS } from "./intervals";

/**
 * Staffing from a forecast (issue 15, items 2, 4 and 5), pure: the calculator, required agents per half
 * hour, the gap against a roster with the service level and lost calls it would give, and the intraday
 * re-forecast. Erlang A when the callers' patience is known (it is estimated from the queue data, see
 * estimatePatienceSeconds), else Erlang C.
 */

export type ErlangModel = "erlang-c" | "erlang-a";

/** The supervisors' targets. */
export type StaffingTargets = {
  /** Service level to reach, in percent (e.g. 80). */
  targetPct: number;
  /** … of calls answered within this many seconds (e.g. 20). */
  targetSeconds: number;
  /** Share of paid time not on the phones (breaks, training, absence), in percent; default 0. */
  shrinkagePct?: number;
  /** Ceiling on occupancy, in percent. */
  maxOccupancyPct?: number;
  /** Mean patience of waiting callers; with it the model is Erlang A, without it Erlang C. */
  patienceSeconds?: number | null;
};

type Metrics = {
  agents: number;
  serviceLevel: number;
  asaSeconds: number | null;
  occupancy: number;
  waitProbability: number;
  /** Erlang A only. */
  abandonProbability?: number;
};

function modelOf(t: StaffingTargets): ErlangModel {
  return t.patienceSeconds === undefined || t.patienceSeconds === null ? "erlang-c" : "erlang-a";
}

function required(traffic: number, ahtSeconds: number, t: StaffingTargets): Metrics {
  const base = { traffic, ahtSeconds, targetSeconds: t.targetSeconds, targetPct: t.targetPct, maxOccupancyPct: t.maxOccupancyPct };
  const patienceSeconds = t.patienceSeconds ?? null;
  return patienceSeconds !== null ? fromA(erlangARequiredAgents({ ...base, patienceSeconds })) : fromC(erlangCRequiredAgents(base));
}

function withAgents(agents: number, traffic: number, ahtSeconds: number, t: StaffingTargets): Metrics {
  const patienceSeconds = t.patienceSeconds ?? null;
  return patienceSeconds !== null
    ? fromA(erlangAMetrics({ agents, traffic, ahtSeconds, patienceSeconds, targetSeconds: t.targetSeconds }))
    : fromC(erlangCMetrics(agents, traffic, ahtSeconds, t.targetSeconds));
}

const fromC = (m: ErlangCMetrics): Metrics => ({ ...m });
const fromA = (m: ErlangAMetrics): Metrics => ({ ...m });

/** One decimal, half away from zero (the dashboards' rounding of percentages and seconds). */
export function round1(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
}

// ---------------------------------------------------------------------------------------------------------
// The calculator

export type StaffingCalculatorInput = StaffingTargets & {
  callsPerInterval: number;
  /** Default 30. */
  intervalMinutes?: number;
  ahtSeconds: number;
};

/** The response of GET /api/v1/workforce/erlang (issue 15, item 2): percentages and seconds to one decimal. */
export type StaffingCalculatorResult = {
  agents: number;
  scheduled: number;
  serviceLevelPct: number;
  /** Mean wait of answered calls. */
  asaSeconds: number;
  occupancyPct: number;
  waitProbabilityPct: number;
  model: ErlangModel;
  /** Erlang A only. */
  abandonPct?: number;
};

/** Required agents and scheduled staff for one interval, with the figures they achieve. */
export function staffingCalculator(input: StaffingCalculatorInput): StaffingCalculatorResult {
  const intervalMinutes = input.intervalMinutes ?? INTERVAL_MINUTES;
  const traffic = trafficErlangs(input.callsPerInterval, intervalMinutes * 60, input.ahtSeconds);
  const m = required(traffic, input.ahtSeconds, input);
  const model = modelOf(input);
  return {
    agents: m.agents,
    scheduled: scheduledStaff(m.agents, input.shrinkagePct ?? 0),
    serviceLevelPct: round1(m.serviceLevel * 100),
    asaSeconds: round1(m.asaSeconds ?? 0),
    occupancyPct: round1(m.occupancy * 100),
    waitProbabilityPct: round1(m.waitProbability * 100),
    model,
    ...(model === "erlang-a" ? { abandonPct: round1((m.abandonProbability ?? 0) * 100) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Staffing per half hour, and the gap against a roster

/** A forecast half hour (IntervalForecast, or any row with these fields). */
export type PlanInput = Pick<IntervalForecast, "date" | "interval" | "start" | "localTime" | "offered" | "ahtSeconds">;

/** Scheduled staff (heads on the roster, before shrinkage) for one half hour. */
export type RosterEntry = { date: IsoDate; interval: number; scheduled: number };

export type IntervalPlan = PlanInput & {
  /** Agents needed on the phones to meet the targets. */
  agents: number;
  /** Staff to schedule for that: ceil(agents / (1 − shrinkage)). */
  scheduled: number;
  /** Service level the required agents give (fraction). */
  serviceLevel: number;
  /** With a roster: the staff on it (0 when the roster has no entry for this half hour); else null. */
  rostered: number | null;
  /** rostered − scheduled: negative = understaffed, positive = overstaffed; null without a roster. */
  gap: number | null;
  /** Agents on the phones with the roster: floor(rostered × (1 − shrinkage)). */
  rosteredAgents: number | null;
  /** Service level expected with the roster (answered within T ÷ offered); null without a roster. */
  expectedServiceLevel: number | null;
  /** Calls expected to hang up with the roster (Erlang A); null without a roster, or with Erlang C, whose
   * callers never hang up (it cannot count lost calls: understaffing shows as a service level of 0). */
  expectedLostCalls: number | null;
};

export type DayPlan = {
  date: IsoDate;
  offered: number;
  /** Σ scheduled × half an hour. */
  requiredStaffHours: number;
  rosteredStaffHours: number | null;
  understaffedIntervals: number | null;
  overstaffedIntervals: number | null;
  /** Offered-weighted: expected answered within T ÷ offered over the day; null without roster or calls. */
  expectedServiceLevel: number | null;
  expectedLostCalls: number | null;
};

export type Plan = { model: ErlangModel; intervals: IntervalPlan[]; days: DayPlan[] };

export type PlanTargets = StaffingTargets & {
  /** AHT for half hours whose forecast has none (no history); without it such a half hour with calls throws. */
  defaultAhtSeconds?: number;
};

/** Required agents and scheduled staff per half hour and, given a roster, the gap and its consequences. */
export function planIntervals(forecast: PlanInput[], targets: PlanTargets, roster?: RosterEntry[]): Plan {
  assertPct("targetPct", targets.targetPct, { min: 0, max: 100, maxInclusive: false });
  assertFinite("targetSeconds", targets.targetSeconds, 0);
  const shrinkagePct = targets.shrinkagePct ?? 0;
  const { num, den } = pctToRational(shrinkagePct);
  const onPhones = (rostered: number) => Number((BigInt(rostered) * (den - num)) / den); // floor, exact
  const rosterMap = roster ? new Map(roster.map((r) => [`${r.date}#${r.interval}`, r.scheduled])) : null;
  if (roster) {
    for (const r of roster)
      if (!Number.isInteger(r.scheduled) || r.scheduled < 0) throw new RangeError("roster: scheduled must be a whole number ≥ 0");
  }
  const intervals: IntervalPlan[] = [];
  for (const f of forecast) {
    const offered = Math.max(0, f.offered);
    const aht = f.ahtSeconds ?? targets.defaultAhtSeconds ?? null;
    if (offered > 0 && aht === null) throw new RangeError(`no AHT for ${f.date} interval ${f.interval}`);
    // With calls there is an AHT (checked above); without calls nothing is computed from it.
    const ahtSeconds = aht ?? 1;
    const traffic = offered > 0 ? trafficErlangs(offered, INTERVAL_SECONDS, ahtSeconds) : 0;
    const need = offered > 0 ? required(traffic, ahtSeconds, targets) : null;
    const agents = need?.agents ?? 0;
    const rostered = rosterMap ? (rosterMap.get(`${f.date}#${f.interval}`) ?? 0) : null;
    const scheduled = scheduledStaff(agents, shrinkagePct);
    let rosteredAgents: number | null = null;
    let expectedServiceLevel: number | null = null;
    let expectedLostCalls: number | null = null;
    if (rostered !== null) {
      rosteredAgents = onPhones(rostered);
      if (offered > 0) {
        const m = withAgents(rosteredAgents, traffic, ahtSeconds, targets);
        expectedServiceLevel = m.serviceLevel;
        expectedLostCalls = m.abandonProbability === undefined ? null : offered * m.abandonProbability;
      } else {
        expectedServiceLevel = 1;
        expectedLostCalls = modelOf(targets) === "erlang-a" ? 0 : null;
      }
    }
    intervals.push({
      date: f.date,
      interval: f.interval,
      start: f.start,
      localTime: f.localTime,
      offered,
      ahtSeconds: f.ahtSeconds,
      agents,
      scheduled,
      serviceLevel: need?.serviceLevel ?? 1,
      rostered,
      gap: rostered === null ? null : rostered - scheduled,
      rosteredAgents,
      expectedServiceLevel,
      expectedLostCalls,
    });
  }
  return { model: modelOf(targets), intervals, days: summariseDays(intervals) };
}

/** Totals per day of a plan. */
export function summariseDays(intervals: IntervalPlan[]): DayPlan[] {
  const hours = INTERVAL_MINUTES / 60;
  type Acc = {
    date: IsoDate;
    offered: number;
    staffHours: number;
    rostered: boolean;
    rosteredHours: number;
    under: number;
    over: number;
    within: number;
    lost: number | null;
  };
  const days = new Map<IsoDate, Acc>();
  for (const i of intervals) {
    let d = days.get(i.date);
    if (!d) {
      d = {
        date: i.date,
        offered: 0,
        staffHours: 0,
        rostered: i.rostered !== null,
        rosteredHours: 0,
        under: 0,
        over: 0,
        within: 0,
        lost: null,
      };
      if (i.expectedLostCalls !== null) d.lost = 0;
      days.set(i.date, d);
    }
    d.offered += i.offered;
    d.staffHours += i.scheduled * hours;
    if (i.rostered !== null && i.gap !== null) {
      d.rosteredHours += i.rostered * hours;
      if (i.gap < 0) d.under++;
      if (i.gap > 0) d.over++;
      d.within += i.offered * (i.expectedServiceLevel ?? 0);
    }
    if (d.lost !== null) d.lost += i.expectedLostCalls ?? 0;
  }
  return [...days.values()].map((d) => ({
    date: d.date,
    offered: d.offered,
    requiredStaffHours: d.staffHours,
    rosteredStaffHours: d.rostered ? d.rosteredHours : null,
    understaffedIntervals: d.rostered ? d.under : null,
    overstaffedIntervals: d.rostered ? d.over : null,
    expectedServiceLevel: d.rostered && d.offered > 0 ? d.within / d.offered : null,
    expectedLostCalls: d.lost,
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Intraday re-forecast

export type Reforecast = {
  /** The factor applied to the rest of the day. */
  factor: number;
  /** Calls so far, and what the forecast expected for the same half hours. */
  observed: number;
  expected: number;
  /** How much of the observed deviation is believed (0…1). */
  weight: number;
  /** The day's half hours without actuals, re-forecast. */
  rest: IntervalForecast[];
};

/** Typical day-to-day deviation assumed when the forecast's model has none (dayCv null): 10 %. */
export const DEFAULT_DAY_CV = 0.1;

/**
 * Re-forecasts the rest of a day from the morning: the half hours with actuals are done; the others are
 * scaled by factor = 1 + w·(observed/expected − 1), clamped to [0.5, 2].
 *
 * The damping w = E / (E + 1/cv²) (E = calls expected so far, cv = the day-to-day deviation the forecast
 * measured in its history, ForecastModel.dayCv) is the empirical-Bayes weight of the observed ratio: the
 * day's true multiplier has prior mean 1 and variance cv², the ratio observed over E expected calls has
 * Poisson variance ≈ 1/E, so the posterior mean is 1 + cv²/(cv² + 1/E)·(ratio − 1). At 09:30, with ~150
 * calls expected and cv = 10 %, w = 0.6; by noon (~1,000) w = 0.91. The clamp keeps a morning with a
 * telephony outage from zeroing (or a storm from tripling) the afternoon.
 */
export function reforecastRestOfDay(
  dayForecast: IntervalForecast[],
  actuals: { interval: number; offered: number }[],
  dayCv: number | null = DEFAULT_DAY_CV,
): Reforecast {
  const done = new Map(actuals.map((a) => [a.interval, a.offered]));
  let observed = 0;
  let expected = 0;
  for (const f of dayForecast) {
    const a = done.get(f.interval);
    if (a === undefined) continue;
    observed += a;
    expected += f.offered;
  }
  const cv = dayCv && dayCv > 0 ? dayCv : DEFAULT_DAY_CV;
  const weight = expected > 0 ? expected / (expected + 1 / (cv * cv)) : 0;
  const raw = expected > 0 ? 1 + weight * (observed / expected - 1) : 1;
  const factor = Math.min(2, Math.max(0.5, raw));
  const rest = dayForecast.filter((f) => !done.has(f.interval)).map((f) => ({ ...f, offered: f.offered * factor }));
  return { factor, observed, expected, weight, rest };
}
