import { addDays, daysBetween, isIsoDate, weekday, type IsoDate } from "@/lib/calendar/dates";
import { NL_TZ } from "@/lib/calendar/time";
import { dayIntervals, slotTime, WALL_SLOTS } from "./intervals";

/**
 * The call forecast per half hour (issue 15, item 3), pure.
 *
 * ## Method: weekday × half-hour profile, scaled by a smoothed level
 * offered(day d, slot s) = level × weekdayFactor[wd(d)] × profile[wd(d)][s] × (1 + events(d)/100), zero on
 * closed days. From the history strictly before `from` (at most 52 weeks):
 * - **weekday factors** (Monday busier, Friday quieter): each weekday's total relative to its week's level,
 *   averaged over its occurrences in the last `weekdayWeeks` (12) weeks (a 20 % trimmed mean: a catch-up
 *   day after a holiday or an event day does not set the pattern), normalised to a mean of 1 over the
 *   weekdays with calls. A quarter averages out day-to-day noise (±5–10 %) and still follows a change of
 *   pattern within weeks.
 * - **intraday profile** per weekday: each wall-clock half hour's share of the day, pooled over the last
 *   `profileWeeks` (8) open occurrences of that weekday (calls in the slot ÷ calls on those days). With
 *   ~2,200 calls a day a slot holds 50–150 calls a day, so 8 days bring its Poisson noise to ~3–5 %;
 *   more weeks smooth a little further (bench: 11.6 → 11.5 % WAPE per half hour at 12 weeks) but keep an
 *   old pattern (opening hours, a moved peak) alive longer.
 * - **level** (calls on an average open weekday): every history week (7-day blocks ending the day before
 *   `from`) gives the mean of its open days' totals divided by their weekday factors; the level is their
 *   simple exponential smoothing, ℓ ← α·week + (1 − α)·ℓ, with α fitted on the history itself (the α in
 *   0.05…0.95 with the least one-week-ahead absolute error, see fitLevel). A stable series gets a small α
 *   (a long memory that averages noise), a shifting one a large α (the level follows within a week or
 *   two). No trend term: over a planning horizon of days to weeks a trend mostly adds variance.
 *   The weekday factors and the weekly levels depend on each other; they are estimated by three rounds of
 *   alternation, starting from equal factors.
 * Why not Holt–Winters with a 336-step weekly season at half-hour resolution: closed days and holidays
 * break its recursion (a zero Monday corrupts the seasonal state of 48 slots for a year), it needs three
 * smoothing constants and a year of start values per slot, and its per-slot seasonal states are noisy at
 * 50–150 calls per slot; the decomposition above pools far more data per parameter and the backtest
 * (bench/workforce-backtest.ts) measures it against the seasonal-naive baseline.
 *
 * History days the caller's calendar marks closed, and days with no calls at all (no data: a telephony
 * outage, or before the queue existed), are left out of the learning; days with a known event are learnt
 * after dividing out the event's extra volume, so last year's letter campaign does not inflate the level.
 * Day-of-the-week and half hour are taken in `timeZone` (Europe/Amsterdam), by wall clock: the 46 and 50
 * half-hour days of the clock changes are laid out by their real intervals (lib/workforce/intervals.ts),
 * and each interval gets the rate of its wall-clock half hour (the repeated 02:00–03:00 of October twice).
 */

/** One queue's calls in one half hour of the past. */
export type IntervalHistory = {
  /** Local date (Europe/Amsterdam unless another timeZone is given). */
  date: IsoDate;
  /** Index of the half hour from local midnight, 0…n−1 (n = 46, 48 or 50; see dayIntervals). */
  interval: number;
  /** Calls offered. */
  offered: number;
  /** Mean handling time of the interval's calls in seconds; null when unknown (no answered call). */
  ahtSeconds: number | null;
};

/** Expected extra volume over a range of days, e.g. a letter campaign (+25) or a law change (+40). */
export type ForecastEvent = {
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
  /** Extra volume in percent (−100 < x); overlapping events add up. */
  extraPct: number;
};

export type ForecastInput = {
  /** One queue's history; rows on or after `from`, or more than 52 weeks before it, are ignored. */
  history: IntervalHistory[];
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
  /** The caller's calendar: true on the KIC's closed days (weekends, public holidays, closures). */
  isClosed: (date: IsoDate) => boolean;
  events?: ForecastEvent[];
  timeZone?: string;
  /** Weeks of each weekday's intraday profile (default 8). */
  profileWeeks?: number;
  /** Weeks of the weekday factors (default 12). */
  weekdayWeeks?: number;
};

/** The forecast of one half hour. */
export type IntervalForecast = {
  date: IsoDate;
  interval: number;
  /** Start instant of the half hour. */
  start: Date;
  /** Local wall-clock start, "HH:MM". */
  localTime: string;
  /** Expected calls offered (a rate, not rounded: staffing wants the expectation). */
  offered: number;
  /** Expected mean handling time; null when the history has none for any comparable interval. */
  ahtSeconds: number | null;
};

/** What the forecast learnt, for display ("which model") and for the intraday re-forecast. */
export type ForecastModel = {
  method: "weekday-profile × smoothed level";
  /** Weeks of history used (at most 52). */
  historyWeeks: number;
  /** The fitted smoothing constant of the weekly level. */
  alpha: number;
  /** Calls on an average open weekday, at the end of the history. */
  level: number;
  /** Index 0 = Sunday … 6 = Saturday; 0 for weekdays without history. */
  weekdayFactors: number[];
  /** Typical relative deviation of a day's total from its forecast (coefficient of variation), from the
   * history's one-week-ahead errors; used to damp the intraday re-forecast. Null with too little history. */
  dayCv: number | null;
};

export type ForecastResult = { intervals: IntervalForecast[]; model: ForecastModel };

export const MAX_HISTORY_WEEKS = 52;
const ALPHAS = Array.from({ length: 19 }, (_, i) => (i + 1) * 0.05);

type Day = {
  date: IsoDate;
  wd: number;
  total: number;
  slotSums: Float64Array;
  slotCounts: Uint8Array;
  aht: Float64Array;
  ahtW: Float64Array;
};

export function forecastCalls(input: ForecastInput): ForecastResult {
  const { from, to, isClosed } = input;
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) throw new RangeError("from and to must be dates with from ≤ to");
  const tz = input.timeZone ?? NL_TZ;
  const events = input.events ?? [];
  for (const e of events) {
    if (!isIsoDate(e.from) || !isIsoDate(e.to) || e.to < e.from || !(e.extraPct > -100)) throw new RangeError("bad event");
  }
  const profileWeeks = input.profileWeeks ?? 8;
  const weekdayWeeks = input.weekdayWeeks ?? 12;
  const eventFactor = (d: IsoDate) => 1 + events.reduce((s, e) => (d >= e.from && d <= e.to ? s + e.extraPct : s), 0) / 100;

  // ---- the learning days: open, with calls, within 52 weeks before `from`
  const earliest = addDays(from, -7 * MAX_HISTORY_WEEKS);
  const byDate = new Map<IsoDate, Day>();
  for (const r of input.history) {
    if (r.date >= from || r.date < earliest) continue;
    let day = byDate.get(r.date);
    if (!day) {
      day = {
        date: r.date,
        wd: weekday(r.date),
        total: 0,
        slotSums: new Float64Array(WALL_SLOTS),
        slotCounts: new Uint8Array(WALL_SLOTS),
        aht: new Float64Array(WALL_SLOTS),
        ahtW: new Float64Array(WALL_SLOTS),
      };
      byDate.set(r.date, day);
    }
    const { slots } = dayIntervals(r.date, tz);
    if (!Number.isInteger(r.interval) || r.interval < 0 || r.interval >= slots.length) {
      throw new RangeError(`interval ${r.interval} does not exist on ${r.date}`);
    }
    if (!(r.offered >= 0)) throw new RangeError("offered must be ≥ 0");
    const s = slots[r.interval];
    day.total += r.offered;
    day.slotSums[s] += r.offered;
    day.slotCounts[s]++;
    if (r.ahtSeconds !== null && r.offered > 0) {
      day.aht[s] += r.ahtSeconds * r.offered;
      day.ahtW[s] += r.offered;
    }
  }
  const days = [...byDate.values()].filter((d) => d.total > 0 && !isClosed(d.date)).sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const d of days) {
    const f = eventFactor(d.date);
    if (f !== 1) {
      d.total /= f;
      for (let s = 0; s < WALL_SLOTS; s++) d.slotSums[s] /= f;
    }
  }

  // ---- weekday factors and weekly levels, estimated together. A week's level is the mean of its open days'
  // totals divided by their weekday factors; a weekday's factor is the trimmed mean, over its occurrences in
  // the last `weekdayWeeks` weeks, of its total divided by its week's level (so a week with a holiday does
  // not skew it, and the trimming drops a catch-up day after a holiday or an event day). Three rounds of
  // this alternation settle to well within the noise.
  const blockOf = (d: IsoDate) => Math.floor((daysBetween(d, from) - 1) / 7);
  const blocks = [...new Set(days.map((d) => blockOf(d.date)))].sort((x, y) => y - x); // oldest first
  const weekdayFrom = addDays(from, -7 * weekdayWeeks);
  let weekdayFactors = [1, 1, 1, 1, 1, 1, 1];
  let weekLevel = new Map<number, number>();
  for (let round = 0; round < 3; round++) {
    const acc = new Map<number, { sum: number; n: number }>();
    for (const d of days) {
      const e = acc.get(blockOf(d.date)) ?? { sum: 0, n: 0 };
      e.sum += d.total / weekdayFactors[d.wd];
      e.n++;
      acc.set(blockOf(d.date), e);
    }
    weekLevel = new Map([...acc].map(([b, e]) => [b, e.sum / e.n]));
    const ratios: number[][] = Array.from({ length: 7 }, () => []);
    for (const d of days) if (d.date >= weekdayFrom) ratios[d.wd].push(d.total / (weekLevel.get(blockOf(d.date)) ?? NaN));
    // A weekday not seen in that window (a new opening day) takes its factor from all the history.
    for (let wd = 0; wd < 7; wd++) {
      if (!ratios[wd].length) for (const d of days) if (d.wd === wd) ratios[wd].push(d.total / (weekLevel.get(blockOf(d.date)) ?? NaN));
    }
    const raw = ratios.map((r) => (r.length ? trimmedMean(r, 0.2) : 0));
    const seen = raw.filter((x) => x > 0);
    const norm = seen.length ? seen.reduce((x, y) => x + y, 0) / seen.length : 1;
    weekdayFactors = raw.map((x) => x / norm);
  }
  const weeks = blocks.map((b) => weekLevel.get(b) ?? NaN); // every block has a level: it has days
  const { alpha, level, ahead } = fitLevel(weeks);
  // The typical deviation of a day from its forecast: each day's total against the level the smoothing
  // held before that day's week (a one-week-ahead forecast), as a root-mean-square relative error.
  const aheadOf = new Map(blocks.map((b, i) => [b, ahead[i]]));
  let sq = 0;
  let nDays = 0;
  for (const d of days) {
    const f = aheadOf.get(blockOf(d.date));
    if (f === undefined || !(f > 0)) continue;
    sq += (d.total / (f * weekdayFactors[d.wd]) - 1) ** 2;
    nDays++;
  }
  const dayCv = nDays >= 10 ? Math.sqrt(sq / nDays) : null;

  // ---- intraday profiles (shares) and AHT per weekday and wall slot, from the last `profileWeeks` occurrences
  const profile: Float64Array[] = [];
  const aht: (number | null)[][] = [];
  const allAht = ratio(
    days.reduce((s, d) => s + sum(d.aht), 0),
    days.reduce((s, d) => s + sum(d.ahtW), 0),
  );
  for (let wd = 0; wd < 7; wd++) {
    const recent = days.filter((d) => d.wd === wd).slice(-profileWeeks);
    const shares = new Float64Array(WALL_SLOTS);
    const total = recent.reduce((s, d) => s + d.total, 0);
    const a = new Float64Array(WALL_SLOTS);
    const aw = new Float64Array(WALL_SLOTS);
    for (const d of recent) {
      for (let s = 0; s < WALL_SLOTS; s++) {
        // A slot that occurred twice (October) counts as its mean; one that did not occur (March) not at all.
        if (d.slotCounts[s]) shares[s] += d.slotSums[s] / d.slotCounts[s];
        a[s] += d.aht[s];
        aw[s] += d.ahtW[s];
      }
    }
    if (total > 0) for (let s = 0; s < WALL_SLOTS; s++) shares[s] /= total;
    profile.push(shares);
    const dayAht = ratio(sum(a), sum(aw)) ?? allAht;
    aht.push(Array.from({ length: WALL_SLOTS }, (_, s) => ratio(a[s], aw[s]) ?? dayAht));
  }

  // ---- the forecast
  const intervals: IntervalForecast[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = weekday(d);
    const dayTotal = isClosed(d) ? 0 : level * weekdayFactors[wd] * eventFactor(d);
    const { starts, slots } = dayIntervals(d, tz);
    for (let i = 0; i < starts.length; i++) {
      const s = slots[i];
      intervals.push({
        date: d,
        interval: i,
        start: new Date(starts[i]),
        localTime: slotTime(s),
        offered: dayTotal * profile[wd][s],
        ahtSeconds: aht[wd][s],
      });
    }
  }
  return {
    intervals,
    model: {
      method: "weekday-profile × smoothed level",
      historyWeeks: weeks.length,
      alpha,
      level,
      weekdayFactors,
      dayCv,
    },
  };
}

/**
 * Simple exponential smoothing of the weekly levels, ℓ ← ℓ + α·(week − ℓ), started at the first week, with α
 * the one in 0.05…0.95 with the least one-week-ahead absolute error over the history (absolute rather than
 * squared, so that a few event weeks do not choose α for the whole year). Returns the final level and, per
 * week, the level held before it (undefined for the first). One week of history: its value.
 *
 * Tried and dropped: clipping outlying weeks (Gelper, Fried & Croux's robust smoothing) with "two outliers
 * on one side make a level shift" — it made the backtest worse (frontdesk, no events entered: 9.8 % vs
 * 8.8 % WAPE per day): multi-week campaigns are followed a week later, and they are better entered as events.
 */
export function fitLevel(weeks: number[]): { alpha: number; level: number; ahead: (number | undefined)[] } {
  if (weeks.length === 0) return { alpha: 1, level: 0, ahead: [] };
  if (weeks.length === 1) return { alpha: 1, level: weeks[0], ahead: [undefined] };
  let best = { alpha: ALPHAS[0], level: 0, loss: Infinity, ahead: [] as (number | undefined)[] };
  for (const alpha of ALPHAS) {
    let l = weeks[0];
    let loss = 0;
    const ahead: (number | undefined)[] = [undefined];
    for (let i = 1; i < weeks.length; i++) {
      ahead.push(l);
      const e = weeks[i] - l;
      loss += Math.abs(e);
      l += alpha * e;
    }
    if (loss < best.loss) best = { alpha, level: l, loss, ahead };
  }
  return { alpha: best.alpha, level: best.level, ahead: best.ahead };
}

/** Mean after dropping the `share` of values at each end (at least one each side from 5 values on). */
function trimmedMean(xs: number[], share: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const cut = s.length >= 5 ? Math.max(1, Math.floor(s.length * share)) : 0;
  const kept = s.slice(cut, s.length - cut);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (const x of a) s += x;
  return s;
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
