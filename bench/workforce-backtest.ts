/**
 * Workforce benchmark (issue 15, "It must show" 2): a backtest of the call forecast over a year of half-hour
 * data — each week forecast from the weeks before it — with the WAPE per day and per half hour of our
 * forecast (lib/workforce/forecast.ts) and of the seasonal-naive baseline (the same half hour last week),
 * in one run; target ours ≤ 0.8 × the baseline. Then the time of the Erlang computations up to N = 1,000
 * agents and of a week's forecast (with staffing) for three queues (target < 300 ms).
 *
 *   node --import tsx bench/workforce-backtest.ts            # a generated realistic year (seeded)
 *   BENCH_DATABASE_URL=postgres://… node --import tsx bench/workforce-backtest.ts   # the `calls` table there
 *
 * History source: with BENCH_DATABASE_URL set, the inbound calls of that database's `calls` table, read per
 * queue, local day and half hour in one SQL query (the demo year after `npm start`); when that database has
 * no `calls` table or fewer than 6 weeks of calls (e.g. the bare server other benchmarks create their
 * scratch databases on), it says so and uses the generated year. The generated year has the demo seed's
 * shape (lib/calls/demo.ts): ~2,200 frontdesk calls a working day, ~450 backoffice, ~450 partners;
 * 09:00–17:00 with the morning busiest; Mondays busiest, Fridays quietest; closed on weekends and Dutch
 * public holidays — plus what real traffic has and the seed lacks: day-to-day noise (±7 %), a seasonal
 * swing (winter high, summer-holiday dip), a busier day after a holiday, and two events (a letter campaign,
 * a law change). "ours" is given those events as a supervisor would enter them, about a third too low;
 * "blind" is the same forecast told nothing; the naive baseline cannot use them. Rewrites
 * bench/RESULTS-workforce.md (its part after "<!-- notes -->" is kept).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { addDays, isWeekend, weekday, type IsoDate } from "@/lib/calendar/dates";
import { holidaySet } from "@/lib/calendar/holidays";
import { NL_TZ } from "@/lib/calendar/time";
import {
  dayIntervals,
  erlangARequiredAgents,
  erlangCRequiredAgents,
  forecastCalls,
  planIntervals,
  staffingCalculator,
  type ForecastEvent,
  type IntervalHistory,
} from "@/lib/workforce";

const QUEUES = ["frontdesk", "backoffice", "partners"] as const;
const out: string[] = [];
const say = (s = "") => {
  console.log(s);
  out.push(s);
};

type History = Map<string, IntervalHistory[]>;
/** A queue's rows (created empty on first use). */
function rowsOf(history: History, queue: string): IntervalHistory[] {
  let rows = history.get(queue);
  if (!rows) history.set(queue, (rows = []));
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// The generated year

/** 52 weeks, Monday 2025-01-06 … Sunday 2026-01-04. */
const GEN_FROM = "2025-01-06";
const GEN_WEEKS = 52;

type Data = { history: History; events: Map<string, ForecastEvent[]>; from: IsoDate; to: IsoDate; isClosed: (d: IsoDate) => boolean };

function generateYear(seed = 2025): Data {
  const rng = xoroshiro128plus(seed);
  const u = () => uniformFloat64(rng);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const to = addDays(GEN_FROM, 7 * GEN_WEEKS - 1);
  const holidays = holidaySet("NL", 2025, 2026);
  const isClosed = (d: IsoDate) => isWeekend(d) || holidays.has(d);
  const base = { frontdesk: 2200, backoffice: 450, partners: 450 };
  const weekdayFactor = [1, 1.2, 1.05, 1, 0.95, 0.85, 1];
  const events = [
    // What a supervisor enters ahead of time ("entered", underestimated by about a third), and the truth.
    { queue: "frontdesk", from: "2025-03-10", to: "2025-03-21", factor: 1.25, entered: 15 }, // a letter campaign
    { queue: "frontdesk", from: "2025-09-01", to: "2025-09-19", factor: 1.35, entered: 25 }, // a law change
    { queue: "backoffice", from: "2025-09-01", to: "2025-09-19", factor: 1.15, entered: 10 },
  ];
  const history: History = new Map(QUEUES.map((q) => [q, []]));
  for (let d = GEN_FROM; d <= to; d = addDays(d, 1)) {
    if (isClosed(d)) continue;
    const doy = (Date.parse(`${d}T00:00:00Z`) - Date.parse(`${d.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
    // Winter high, and the summer holidays (mid-July to late August) 12 % quieter.
    const season = 1 + 0.06 * Math.cos((2 * Math.PI * (doy - 20)) / 365) - 0.12 * Math.exp(-(((doy - 212) / 18) ** 2));
    const afterHoliday =
      isClosed(addDays(d, -1)) && !isWeekend(addDays(d, -1)) ? 1.2 : weekday(d) === 1 && holidays.has(addDays(d, -3)) ? 1.1 : 1;
    const { slots } = dayIntervals(d, NL_TZ);
    for (const q of QUEUES) {
      const event = events.filter((e) => e.queue === q && d >= e.from && d <= e.to).reduce((f, e) => f * e.factor, 1);
      const mean = base[q] * weekdayFactor[weekday(d)] * season * afterHoliday * event;
      const n = Math.max(0, Math.round(mean * Math.exp(0.07 * normal() - 0.07 ** 2 / 2)));
      const counts = new Float64Array(slots.length);
      const talk = new Float64Array(slots.length);
      const answered = new Float64Array(slots.length);
      for (let i = 0; i < n; i++) {
        // The seed's intraday shape: 09:00 + 8 h × U^1.35, so the morning is busiest.
        const secs = 32_400 + Math.floor(28_800 * Math.pow(u(), 1.35));
        const interval = slots.indexOf(Math.floor(secs / 1800));
        counts[interval]++;
        if (u() < 0.89) {
          answered[interval]++;
          talk[interval] += 45 + Math.min(3600, Math.floor(-Math.log(1 - u()) * 230));
        }
      }
      const rows = rowsOf(history, q);
      for (let i = 0; i < slots.length; i++) {
        if (counts[i] > 0) rows.push({ date: d, interval: i, offered: counts[i], ahtSeconds: answered[i] ? talk[i] / answered[i] : null });
      }
    }
  }
  const entered = new Map(
    QUEUES.map((q) => [q, events.filter((e) => e.queue === q).map((e) => ({ from: e.from, to: e.to, extraPct: e.entered }))]),
  );
  return { history, events: entered, from: GEN_FROM, to, isClosed };
}

// ---------------------------------------------------------------------------------------------------------
// The database's year

async function readDatabase(url: string): Promise<Data | string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: t } = await client.query<{ ok: boolean }>(`select to_regclass('public.calls') is not null as ok`);
    if (!t[0].ok) return "no calls table";
    // One query: inbound calls per queue, local day and half hour (index from local midnight in elapsed
    // time, as lib/workforce/intervals.ts counts), with the mean talk time of the answered ones.
    const { rows } = await client.query<{ queue: string; day: string; interval: number; offered: string; aht: string | null }>(
      `select queue, to_char(day, 'YYYY-MM-DD') as day,
              floor(extract(epoch from offered_at - (day::timestamp at time zone $1)) / 1800)::int as interval,
              count(*) as offered, avg(talk_seconds) filter (where answered_at is not null) as aht
         from (select queue, offered_at, answered_at, talk_seconds, (offered_at at time zone $1)::date as day
                 from calls where direction = 'in' and queue = any($2)) c
        group by 1, 2, 3 order by 2, 3`,
      [NL_TZ, QUEUES],
    );
    if (!rows.length) return "no inbound calls";
    const history: History = new Map(QUEUES.map((q) => [q, []]));
    for (const r of rows) {
      rowsOf(history, r.queue).push({
        date: r.day,
        interval: r.interval,
        offered: Number(r.offered),
        ahtSeconds: r.aht === null ? null : Number(r.aht),
      });
    }
    const first = rows[0].day;
    const last = rows[rows.length - 1].day;
    // Whole weeks, Monday to Sunday, ending with the last complete one.
    let from = first;
    while (weekday(from) !== 1) from = addDays(from, 1);
    let to = last;
    while (weekday(to) !== 0) to = addDays(to, -1);
    if (to < addDays(from, 7 * 6 - 1)) return "fewer than 6 whole weeks of calls";
    const holidays = holidaySet("NL", Number(from.slice(0, 4)), Number(to.slice(0, 4)));
    return { history, events: new Map(), from, to, isClosed: (d) => isWeekend(d) || holidays.has(d) };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The backtest

type Errors = { absHalfHour: number; absDay: number; actual: number };
const zero = (): Errors => ({ absHalfHour: 0, absDay: 0, actual: 0 });
const METHODS = ["ours", "blind", "naive"] as const;
type Method = (typeof METHODS)[number];

/**
 * Forecasts each week from the weeks before it with three methods: ours with the events a supervisor
 * entered ("ours"), ours told nothing ("blind"), and the seasonal naive baseline ("naive": the same
 * wall-clock half hour a week earlier, given the calendar too — zero on a closed day, and when last week's
 * day was closed, the latest open one of that weekday).
 */
function backtest(rows: IntervalHistory[], events: ForecastEvent[], data: Data, warmupWeeks: number) {
  const { from, to, isClosed } = data;
  const actual = new Map<IsoDate, Float64Array>();
  for (const r of rows) {
    let a = actual.get(r.date);
    if (!a) actual.set(r.date, (a = new Float64Array(50)));
    a[r.interval] += r.offered;
  }
  const bySlot = (d: IsoDate, slot: number) => {
    const { slots } = dayIntervals(d, NL_TZ);
    const a = actual.get(d);
    let s = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i] === slot && a) s += a[i];
    return s;
  };
  const naiveOf = (date: IsoDate, interval: number) => {
    if (isClosed(date)) return 0;
    const slot = dayIntervals(date, NL_TZ).slots[interval];
    for (let back = 7; back <= 28; back += 7) {
      const d = addDays(date, -back);
      if (!isClosed(d)) return bySlot(d, slot);
    }
    return 0;
  };
  const err: Record<Method, Errors> = { ours: zero(), blind: zero(), naive: zero() };
  let weeks = 0;
  let forecastMs = 0;
  for (let monday = addDays(from, 7 * warmupWeeks); addDays(monday, 6) <= to; monday = addDays(monday, 7)) {
    weeks++;
    const sunday = addDays(monday, 6);
    const t = performance.now();
    const ours = forecastCalls({ history: rows, from: monday, to: sunday, isClosed, events }).intervals;
    forecastMs += performance.now() - t;
    const blind = forecastCalls({ history: rows, from: monday, to: sunday, isClosed }).intervals;
    const perDay = new Map<IsoDate, Record<Method | "a", number>>();
    ours.forEach((iv, i) => {
      const a = actual.get(iv.date)?.[iv.interval] ?? 0;
      const f: Record<Method, number> = { ours: iv.offered, blind: blind[i].offered, naive: naiveOf(iv.date, iv.interval) };
      const day = perDay.get(iv.date) ?? { a: 0, ours: 0, blind: 0, naive: 0 };
      day.a += a;
      for (const m of METHODS) {
        err[m].absHalfHour += Math.abs(a - f[m]);
        err[m].actual += a;
        day[m] += f[m];
      }
      perDay.set(iv.date, day);
    });
    for (const d of perDay.values()) for (const m of METHODS) err[m].absDay += Math.abs(d.a - d[m]);
  }
  return { err, weeks, forecastMs };
}

const r2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timeIt(fn: () => unknown, reps: number): number {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

async function main() {
  let source = "generated";
  let data = generateYear();
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const db = await readDatabase(url).catch((e: Error) => `cannot read: ${e.message}`);
    if (typeof db === "string") say(`BENCH_DATABASE_URL set, but its database has ${db}: using the generated year.`);
    else {
      data = db;
      source = "database";
    }
  }
  const { history, from, to, isClosed } = data;
  const warmupWeeks = 4;

  say("## Workforce (issue 15)");
  say("");
  say(
    `\`node --import tsx bench/workforce-backtest.ts\`. Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} (a machine shared with other work: times vary by up to 2×).`,
  );
  say("");
  say(
    `### Forecast backtest: ${source === "generated" ? "generated year (seeded; shape of the demo seed plus noise, seasons, events)" : "the calls table of BENCH_DATABASE_URL"}, ${from} … ${to}`,
  );
  say("");
  say(
    `Each week (Monday–Sunday) from week ${warmupWeeks + 1} on is forecast from all weeks before it (ours: at most 52); WAPE = Σ|actual − forecast| ÷ Σ actual, per half hour and per day (day totals), over all evaluated weeks. Baseline: seasonal naive (the same half hour last week; zero on closed days; a closed day last week → the latest open one of that weekday). "ours": lib/workforce/forecast.ts with the events a supervisor would have entered (${source === "generated" ? "in the generated year: the letter campaign as +15 % and the law change as +25 % at the frontdesk and +10 % in the backoffice, each about a third below the truth" : "none here"}); "blind": the same told nothing.`,
  );
  say("");
  say(
    "| queue | weeks | calls | WAPE per half hour: ours | blind | naive | ours ÷ naive | WAPE per day: ours | blind | naive | ours ÷ naive |",
  );
  say("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const all: Record<Method, Errors> = { ours: zero(), blind: zero(), naive: zero() };
  let forecastMs = 0;
  let forecasts = 0;
  const ratios = (e: Record<Method, Errors>) => {
    const hh = (m: Method) => e[m].absHalfHour / e[m].actual;
    const dd = (m: Method) => e[m].absDay / e[m].actual;
    return {
      hh,
      dd,
      rh: hh("ours") / hh("naive"),
      rd: dd("ours") / dd("naive"),
      rhBlind: hh("blind") / hh("naive"),
      rdBlind: dd("blind") / dd("naive"),
    };
  };
  for (const q of QUEUES) {
    const r = backtest(rowsOf(history, q), data.events.get(q) ?? [], data, warmupWeeks);
    forecastMs += r.forecastMs;
    forecasts += r.weeks;
    for (const m of METHODS) for (const f of ["absHalfHour", "absDay", "actual"] as const) all[m][f] += r.err[m][f];
    const x = ratios(r.err);
    say(
      `| ${q} | ${r.weeks} | ${r.err.ours.actual.toLocaleString("en")} | ${pct(x.hh("ours"))} | ${pct(x.hh("blind"))} | ${pct(x.hh("naive"))} | ${r2(x.rh)} | ${pct(x.dd("ours"))} | ${pct(x.dd("blind"))} | ${pct(x.dd("naive"))} | ${r2(x.rd)} |`,
    );
  }
  const x = ratios(all);
  say(
    `| **all** | | ${all.ours.actual.toLocaleString("en")} | **${pct(x.hh("ours"))}** | ${pct(x.hh("blind"))} | ${pct(x.hh("naive"))} | **${r2(x.rh)}** | **${pct(x.dd("ours"))}** | ${pct(x.dd("blind"))} | ${pct(x.dd("naive"))} | **${r2(x.rd)}** |`,
  );
  say("");
  // A baseline without error (a day total that never varies, as in the demo seed) leaves no ratio: "—".
  const okHh = !Number.isFinite(x.rh) || x.rh <= 0.8;
  const okDd = !Number.isFinite(x.rd) || x.rd <= 0.8;
  const mark = (r: number, ok: boolean) => (Number.isFinite(r) ? (ok ? "✔" : "✘") : "n/a");
  say(
    `Target ours ≤ 0.8 × baseline: per half hour ${mark(x.rh, okHh)} (${r2(x.rh)}), per day ${mark(x.rd, okDd)} (${r2(x.rd)}). Blind (no events entered): ${r2(x.rhBlind)} per half hour, ${r2(x.rdBlind)} per day.`,
  );
  say("");

  // ---- timings
  say("### Times (pure computation, median of repeated runs)");
  say("");
  say("| what | time |");
  say("| --- | --- |");
  for (const [traffic, label] of [
    [10, "A = 10 Erlangs"],
    [100, "A = 100"],
    [950, "A = 950 Erlangs"],
  ] as const) {
    const tc = timeIt(() => erlangCRequiredAgents({ traffic, ahtSeconds: 300, targetSeconds: 20, targetPct: 80 }), 200);
    const ta = timeIt(
      () => erlangARequiredAgents({ traffic, ahtSeconds: 300, patienceSeconds: 120, targetSeconds: 20, targetPct: 80 }),
      20,
    );
    const n = erlangCRequiredAgents({ traffic, ahtSeconds: 300, targetSeconds: 20, targetPct: 80 }).agents;
    const na = erlangARequiredAgents({ traffic, ahtSeconds: 300, patienceSeconds: 120, targetSeconds: 20, targetPct: 80 }).agents;
    say(`| required agents, Erlang C, ${label}, AHT 300 s, 80 % in 20 s → N = ${n} | ${(tc * 1000).toFixed(1)} µs |`);
    say(`| required agents, Erlang A (θ = 120 s), ${label} → N = ${na} | ${ta.toFixed(2)} ms |`);
  }
  const calcInput = {
    callsPerInterval: 5700,
    intervalMinutes: 30,
    ahtSeconds: 300,
    targetSeconds: 20,
    targetPct: 80,
    shrinkagePct: 30,
    maxOccupancyPct: 95,
    patienceSeconds: 120,
  };
  const calc = timeIt(() => staffingCalculator(calcInput), 20);
  const calcResult = staffingCalculator(calcInput);
  say(
    `| the Erlang endpoint's computation (staffingCalculator), 5,700 calls / 30 min, AHT 300 s, θ = 120 s, max occupancy 95 % → ${calcResult.agents} agents, ${calcResult.scheduled} scheduled | ${calc.toFixed(2)} ms |`,
  );
  // A week's forecast and staffing for three queues, from 52 weeks of history.
  const lastMonday = addDays(to, -6);
  const week = timeIt(() => {
    for (const q of QUEUES) {
      const f = forecastCalls({ history: rowsOf(history, q), from: lastMonday, to, isClosed });
      planIntervals(f.intervals, { targetPct: 80, targetSeconds: 20, shrinkagePct: 30, maxOccupancyPct: 90, patienceSeconds: 180 });
    }
  }, 10);
  say(
    `| a week's forecast + staffing per half hour (Erlang A), three queues, 52 weeks of history | ${week.toFixed(1)} ms ${week < 300 ? "✔ < 300 ms" : "✘ ≥ 300 ms"} |`,
  );
  say(`| one week's forecast of one queue, mean over the backtest's ${forecasts} forecasts | ${(forecastMs / forecasts).toFixed(1)} ms |`);
  say("");

  const file = path.join(__dirname, "RESULTS-workforce.md");
  const notes = fs.existsSync(file) ? (fs.readFileSync(file, "utf8").split("<!-- notes -->")[1] ?? "") : "";
  fs.writeFileSync(file, `${out.join("\n")}\n<!-- notes -->${notes || "\n"}`);
  if (!okHh || !okDd) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
