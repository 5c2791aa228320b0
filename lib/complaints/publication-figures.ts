import { daysBetween, type IsoDate } from "@/lib/calendar/dates";
import { statutoryDeadline, type AtwCalendar } from "./deadline";

/**
 * The monthly complaint figures in the form the IND publishes them (ind.nl, "Klachtenbehandeling": a table
 * per month of complaints received per category — Behandelduur, Dienstverlening, Bejegening, NO, Beleid,
 * IT, Overig, Totaal — with the share handled within the statutory six weeks, the average handling time in
 * weeks and the share found founded). Pure: rows and the Atw calendar in, figures out.
 *
 * Definitions (ours where the publication does not spell them out):
 * - received: by the month of `receivedOn`, every complaint (a withdrawn one was received too);
 * - handled: closed in the month (decided, declined, resolved informally), by `closedOn`; withdrawn
 *   complaints are not handled and are counted apart (`withdrawn`);
 * - within six weeks: closed on or before the six-week term after the Algemene termijnenwet moved it
 *   (Awb 9:11(1)) — the publication's "binnen de wettelijke termijn van 6 weken"; `onTimePct` is the
 *   share closed by the deadline in force (six weeks, ten with a committee, or lawfully postponed), the
 *   dashboards' "on time";
 * - average handling time: mean of (closedOn − receivedOn) in weeks, one decimal, over the handled;
 * - founded: share of the decided (9:12) with outcome founded (gegrond); partly founded is given apart.
 */
export type PublicationRow = {
  receivedOn: IsoDate;
  closedOn: IsoDate | null;
  deadline: IsoDate;
  closedAs: string | null;
  outcome: string | null;
  category: string;
};

type Stats = {
  handled: number;
  withinSixWeeks: number;
  onTime: number;
  days: number;
  decided: number;
  founded: number;
  partlyFounded: number;
};
export type CategoryFigures = {
  received: number;
  handled: number;
  withinSixWeeksPct: number | null;
  avgWeeks: number | null;
  foundedPct: number | null;
};
export type MonthFigures = {
  month: string; // YYYY-MM
  received: number;
  receivedByCategory: Record<string, number>;
  handled: number;
  withinSixWeeks: number;
  withinSixWeeksPct: number | null;
  onTimePct: number | null;
  avgWeeks: number | null;
  decided: number;
  foundedPct: number | null;
  partlyFoundedPct: number | null;
  withdrawn: number;
  byCategory: Record<string, CategoryFigures>;
};

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);
const weeks = (days: number, n: number) => (n ? Math.round((10 * days) / n / 7) / 10 : null);
const empty = (): Stats => ({ handled: 0, withinSixWeeks: 0, onTime: 0, days: 0, decided: 0, founded: 0, partlyFounded: 0 });

/** The months from `from` to `to` (YYYY-MM, both included), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export function monthlyFigures(rows: PublicationRow[], months: string[], categories: string[], cal: AtwCalendar): MonthFigures[] {
  const want = new Set(months);
  const received = new Map<string, Map<string, number>>();
  const stats = new Map<string, Map<string, Stats>>();
  const withdrawn = new Map<string, number>();
  const six = new Map<IsoDate, IsoDate>();
  const sixWeeks = (d: IsoDate) => six.get(d) ?? six.set(d, statutoryDeadline(d, false, cal).deadline).get(d)!;
  for (const r of rows) {
    const rm = r.receivedOn.slice(0, 7);
    if (want.has(rm)) {
      const m = received.get(rm) ?? received.set(rm, new Map()).get(rm)!;
      m.set(r.category, (m.get(r.category) ?? 0) + 1);
    }
    if (!r.closedOn || !want.has(r.closedOn.slice(0, 7))) continue;
    const cm = r.closedOn.slice(0, 7);
    if (r.closedAs === "withdrawn") {
      withdrawn.set(cm, (withdrawn.get(cm) ?? 0) + 1);
      continue;
    }
    const byCat = stats.get(cm) ?? stats.set(cm, new Map()).get(cm)!;
    for (const key of [r.category, "*"]) {
      const s = byCat.get(key) ?? byCat.set(key, empty()).get(key)!;
      s.handled++;
      if (r.closedOn <= sixWeeks(r.receivedOn)) s.withinSixWeeks++;
      if (r.closedOn <= r.deadline) s.onTime++;
      s.days += daysBetween(r.receivedOn, r.closedOn);
      if (r.closedAs === "decided" && r.outcome) {
        s.decided++;
        if (r.outcome === "founded") s.founded++;
        if (r.outcome === "partly_founded") s.partlyFounded++;
      }
    }
  }
  return months.map((month) => {
    const rec = received.get(month) ?? new Map<string, number>();
    const all = stats.get(month)?.get("*") ?? empty();
    const byCategory: Record<string, CategoryFigures> = {};
    const keys = [...new Set([...categories, ...rec.keys(), ...[...(stats.get(month)?.keys() ?? [])].filter((k) => k !== "*")])];
    for (const key of keys) {
      const s = stats.get(month)?.get(key) ?? empty();
      byCategory[key] = {
        received: rec.get(key) ?? 0,
        handled: s.handled,
        withinSixWeeksPct: pct(s.withinSixWeeks, s.handled),
        avgWeeks: weeks(s.days, s.handled),
        foundedPct: pct(s.founded, s.decided),
      };
    }
    return {
      month,
      received: [...rec.values()].reduce((a, b) => a + b, 0),
      receivedByCategory: Object.fromEntries(keys.map((k) => [k, rec.get(k) ?? 0])),
      handled: all.handled,
      withinSixWeeks: all.withinSixWeeks,
      withinSixWeeksPct: pct(all.withinSixWeeks, all.handled),
      onTimePct: pct(all.onTime, all.handled),
      avgWeeks: weeks(all.days, all.handled),
      decided: all.decided,
      foundedPct: pct(all.founded, all.decided),
      partlyFoundedPct: pct(all.partlyFounded, all.decided),
      withdrawn: withdrawn.get(month) ?? 0,
      byCategory,
    };
  });
}

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r;]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The CSV in the publication's form: newest month first, month as MM/YY, one column of complaints received
 * per category (the Dutch labels), Totaal, then the figures of the month. Percentages and weeks with a
 * decimal point; empty where there is nothing to divide by.
 */
export function publicationCsv(figures: MonthFigures[], categories: { key: string; labelNl: string }[]): string {
  const header = [
    "Maand",
    ...categories.map((c) => c.labelNl),
    "Totaal",
    "Binnen 6 weken afgehandeld (%)",
    "Gemiddelde behandelduur (weken)",
    "Gegrond (%)",
    "Gedeeltelijk gegrond (%)",
    "Afgehandeld",
    "Binnen geldende termijn (%)",
    "Ingetrokken",
  ];
  const rows = [...figures]
    .sort((a, b) => b.month.localeCompare(a.month))
    .map((f) =>
      [
        `${f.month.slice(5, 7)}/${f.month.slice(2, 4)}`,
        ...categories.map((c) => f.receivedByCategory[c.key] ?? 0),
        f.received,
        f.withinSixWeeksPct,
        f.avgWeeks,
        f.foundedPct,
        f.partlyFoundedPct,
        f.handled,
        f.onTimePct,
        f.withdrawn,
      ]
        .map(cell)
        .join(","),
    );
  return [header.map(cell).join(","), ...rows].join("\r\n") + "\r\n";
}
