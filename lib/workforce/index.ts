/**
 * Workforce planning (issue 15): the public face of lib/workforce/. Everything here is pure — no I/O, no
 * clock; the caller passes the data, the calendar and the date range — so routes, pages, jobs and the
 * wallboard can use it on the server or in the browser alike.
 *
 * Units: times in seconds; probabilities as fractions in [0, 1] (`serviceLevel`, `waitProbability`, …);
 * targets, shrinkage and occupancy ceilings in percent as supervisors enter them (`targetPct: 80`), and the
 * calculator's answer in percent with one decimal (`serviceLevelPct`), as the API returns it. Intervals are
 * half hours named by local date (Europe/Amsterdam) and index from local midnight (46, 48 or 50 a day).
 *
 * - Erlang C (erlang-c.ts): `trafficErlangs`, `erlangB`, `erlangC`, `erlangCMetrics`,
 *   `erlangCRequiredAgents`, `scheduledStaff` (exact ceil(agents / (1 − shrinkage))).
 * - Erlang A (erlang-a.ts): `erlangAMetrics` (service level, abandonment, ASA — exact),
 *   `erlangARequiredAgents`, `estimatePatienceSeconds` (θ̂ = total waiting time ÷ abandonments).
 * - The forecast (forecast.ts): `forecastCalls` — weekday × half-hour profile scaled by an exponentially
 *   smoothed weekly level; closed days zero; events as extra percent.
 * - Staffing (plan.ts): `staffingCalculator` (GET /api/v1/workforce/erlang's response), `planIntervals`
 *   (required per half hour; with a roster the gap, expected service level and lost calls, per half hour
 *   and per day), `reforecastRestOfDay` (intraday, damped).
 * - `simulateQueue` (simulate.ts): a seeded discrete-event simulation of the same queue, for tests and
 *   what-if checks.
 */
export {
  erlangB,
  erlangC,
  erlangCMetrics,
  erlangCRequiredAgents,
  erlangCServiceLevel,
  MAX_AGENTS,
  scheduledStaff,
  trafficErlangs,
  type ErlangCMetrics,
  type StaffingTarget,
} from "./erlang-c";
export {
  erlangAMetrics,
  erlangARequiredAgents,
  erlangAStationary,
  estimatePatienceSeconds,
  type ErlangAInput,
  type ErlangAMetrics,
  type ErlangATarget,
} from "./erlang-a";
export {
  forecastCalls,
  MAX_HISTORY_WEEKS,
  type ForecastEvent,
  type ForecastInput,
  type ForecastModel,
  type ForecastResult,
  type IntervalForecast,
  type IntervalHistory,
} from "./forecast";
export { dayIntervals, INTERVAL_MINUTES, INTERVAL_SECONDS, slotTime, WALL_SLOTS, type DayIntervals } from "./intervals";
export {
  DEFAULT_DAY_CV,
  planIntervals,
  reforecastRestOfDay,
  round1,
  staffingCalculator,
  summariseDays,
  type DayPlan,
  type ErlangModel,
  type IntervalPlan,
  type Plan,
  type PlanInput,
  type PlanTargets,
  type Reforecast,
  type RosterEntry,
  type StaffingCalculatorInput,
  type StaffingCalculatorResult,
  type StaffingTargets,
} from "./plan";
export { simulateQueue, type SimulationInput, type SimulationResult } from "./simulate";
