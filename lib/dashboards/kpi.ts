/**
 * The KPI formulas of spec 05, pure. Every ratio is null when its denominator is 0 (an empty period has no
 * reachability, not 0%); the UI shows null as "—". Percentages carry one decimal, computed from exact counts.
 */

/** One decimal, half away from zero (89.45 → 89.5), without binary drift (1.005 style errors). */
export function round1(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
}

/** part ÷ whole × 100 with one decimal; null when whole is 0. */
export function pct(part: number, whole: number): number | null {
  if (!whole) return null;
  return round1((part / whole) * 100);
}

/** Bereikbaarheid: answered ÷ offered × 100. */
export const reachabilityPct = (c: { answered: number; offered: number }) => pct(c.answered, c.offered);

/** Service level: calls answered within T seconds ÷ offered × 100 (abandoned calls count against it). */
export const serviceLevelPct = (c: { answeredWithinT: number; offered: number }) => pct(c.answeredWithinT, c.offered);

/** ASA: mean wait of answered calls in seconds (one decimal); null without answered calls with a known wait. */
export function asaSeconds(c: { waitSum: number; waitCount: number }): number | null {
  if (!c.waitCount) return null;
  return round1(c.waitSum / c.waitCount);
}

/** AHT: mean talk time in seconds (one decimal). */
export function ahtSeconds(c: { talkSum: number; talkCount: number }): number | null {
  if (!c.talkCount) return null;
  return round1(c.talkSum / c.talkCount);
}

/** Email: share of first responses within the SLA. */
export const emailWithinSlaPct = (e: { firstResponsesWithinSla: number; firstResponses: number }) =>
  pct(e.firstResponsesWithinSla, e.firstResponses);

/** Complaints: closed on time ÷ closed × 100 (Awb 9:11 — six weeks, or ten with an advisory committee). */
export const complaintOnTimePct = (c: { closedOnTime: number; closed: number }) => pct(c.closedOnTime, c.closed);

/** Desks: booked ÷ places offered × 100. */
export const deskUtilisationPct = (d: { booked: number; places: number }) => pct(d.booked, d.places);

/** Desks: no-shows ÷ booked appointments whose time has passed (checked in + no-show) × 100. */
export const noShowRatePct = (d: { noShow: number; checkedIn: number }) => pct(d.noShow, d.noShow + d.checkedIn);

/** The annual report's rounding of counts: to the nearest 50 (678.412 → 678.400), halves up. */
export function roundTo50(n: number): number {
  return Math.round(n / 50) * 50;
}

/**
 * The report's "verschil" column, always from the unrounded figures: for counts the relative change in %
 * (null when the previous year had none); for percentages the difference in percentage points.
 */
export function difference(unit: "count" | "pct", previous: number | null, current: number | null): number | null {
  if (previous === null || current === null) return null;
  if (unit === "pct") return round1(current - previous);
  return pct(current - previous, previous);
}

/** How a KPI value is shown: null → "—". */
export function showKpi(value: number | null, format: (v: number) => string = String): string {
  return value === null ? "—" : format(value);
}

/** The service-level thresholds the rollup keeps a counter for (call_daily_stats.answered_within_*). */
export const SERVICE_LEVEL_THRESHOLDS = [10, 15, 20, 30, 45, 60, 90, 120, 180, 300] as const;
export type ServiceLevelSeconds = (typeof SERVICE_LEVEL_THRESHOLDS)[number];
