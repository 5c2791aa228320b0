import { addDays, isIsoDate, isWeekend, type IsoDate } from "@/lib/calendar/dates";
import { dutchHolidays, type Holiday } from "@/lib/calendar/holidays";

/**
 * The Awb chapter 9 deadlines of a complaint, as pure functions (no I/O, the clock is an argument).
 * Holidays are those of the Algemene termijnenwet art. 3(1) (lib/calendar/holidays.ts) plus the days an
 * admin added (`extra_holidays`, Atw art. 3(2)), passed in.
 */

export type Name = { nl: string; en: string };

/** Which days are Atw holidays; built once per request from the computed list and the admin-added days. */
export type AtwCalendar = { holiday(d: IsoDate): Name | undefined };

export function atwCalendar(extra: { date: IsoDate; name: string | Name }[] = []): AtwCalendar {
  const byYear = new Map<number, Map<IsoDate, Name>>();
  const extras = new Map<IsoDate, Name>(extra.map((e) => [e.date, typeof e.name === "string" ? { nl: e.name, en: e.name } : e.name]));
  return {
    holiday(d) {
      const y = Number(d.slice(0, 4));
      let m = byYear.get(y);
      if (!m) {
        m = new Map(dutchHolidays(y).map((h: Holiday) => [h.date, h.name]));
        byYear.set(y, m);
      }
      return m.get(d) ?? extras.get(d);
    },
  };
}

export const isWorkingDay = (d: IsoDate, cal: AtwCalendar) => !isWeekend(d) && !cal.holiday(d);

/** `n` working days after `d` (before it when n < 0); `d` itself does not count. */
export function addWorkingDays(d: IsoDate, n: number, cal: AtwCalendar): IsoDate {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let x = d;
  while (left > 0) {
    x = addDays(x, step);
    if (isWorkingDay(x, cal)) left--;
  }
  return x;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: AtwCalendar): number {
  if (to === from) return 0;
  const [a, b, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let x = addDays(a, 1); x <= b; x = addDays(x, 1)) if (isWorkingDay(x, cal)) n++;
  return n * sign;
}

/** A step of how a deadline came about, for "received + 6 weeks = X → moved for Tweede Paasdag to Y → …". */
export type BasisStep =
  | { kind: "received"; date: IsoDate }
  | { kind: "term"; weeks: 6 | 10; date: IsoDate }
  | { kind: "moved"; from: IsoDate; to: IsoDate; reasons: Name[] }
  | { kind: "postponed"; noticeSentOn: IsoDate; until: IsoDate }
  | { kind: "consent"; consentOn: IsoDate; until: IsoDate };

const WEEKEND: Record<number, Name> = { 0: { nl: "zondag", en: "Sunday" }, 6: { nl: "zaterdag", en: "Saturday" } };

/**
 * Atw art. 1: a statutory term ending on a Saturday, Sunday or holiday is extended to the next day that is
 * none of these. Returns the day and why it moved.
 */
export function atwMove(d: IsoDate, cal: AtwCalendar): { date: IsoDate; reasons: Name[] } {
  const reasons: Name[] = [];
  let x = d;
  for (;;) {
    const h = cal.holiday(x);
    const wd = new Date(`${x}T00:00:00Z`).getUTCDay();
    if (h) reasons.push(h);
    else if (wd === 0 || wd === 6) reasons.push(WEEKEND[wd]);
    else return { date: x, reasons };
    x = addDays(x, 1);
  }
}

export type DeadlineInput = {
  receivedOn: IsoDate;
  advisoryCommittee: boolean;
  /** Awb 9:11(2): the one postponement, with the date its notice was sent. */
  postponement?: { until: IsoDate; noticeSentOn: IsoDate } | null;
  /** Further postponements, each with the complainant's written consent. */
  consents?: { until: IsoDate; consentOn: IsoDate }[];
};

export type Deadline = { deadline: IsoDate; basis: BasisStep[] };

/** Awb 9:11(1): six weeks after receipt, ten with an advisory committee (9:14), moved by the Atw. */
export function statutoryDeadline(receivedOn: IsoDate, advisoryCommittee: boolean, cal: AtwCalendar): Deadline {
  const weeks = advisoryCommittee ? 10 : 6;
  const end = addDays(receivedOn, weeks * 7);
  const basis: BasisStep[] = [{ kind: "received", date: receivedOn }, { kind: "term", weeks, date: end }];
  const moved = atwMove(end, cal);
  if (moved.date !== end) basis.push({ kind: "moved", from: end, to: moved.date, reasons: moved.reasons });
  return { deadline: moved.date, basis };
}

function withAtw(d: Deadline, step: BasisStep & { until: IsoDate }, cal: AtwCalendar): Deadline {
  const moved = atwMove(step.until, cal);
  const basis = [...d.basis, step];
  if (moved.date !== step.until) basis.push({ kind: "moved", from: step.until, to: moved.date, reasons: moved.reasons });
  return { deadline: moved.date, basis };
}

/** The deadline in force, with every step that made it (the complaint file shows this). */
export function complaintDeadline(input: DeadlineInput, cal: AtwCalendar): Deadline {
  let d = statutoryDeadline(input.receivedOn, input.advisoryCommittee, cal);
  if (input.postponement) d = withAtw(d, { kind: "postponed", ...input.postponement }, cal);
  for (const c of [...(input.consents ?? [])].sort((a, b) => a.until.localeCompare(b.until)))
    d = withAtw(d, { kind: "consent", ...c }, cal);
  return d;
}

/** A rule the requested step would break; `code` is what the API's 422 carries. */
export type RuleBreak = { code: string; message: string; field?: string };

const brk = (code: string, message: string, field?: string): RuleBreak => ({ code, message, field });

/** Dates of a step: not in the future, not before receipt. */
export function checkStepDate(field: string, d: IsoDate, receivedOn: IsoDate, today: IsoDate, beforeReceiptCode = "date_before_receipt"): RuleBreak | null {
  if (!isIsoDate(d)) return brk("bad_date", `${field} is not a date (YYYY-MM-DD)`, field);
  if (d > today) return brk("date_in_future", `${field} (${d}) lies in the future`, field);
  if (d < receivedOn) return brk(beforeReceiptCode, `${field} (${d}) lies before the complaint was received (${receivedOn})`, field);
  return null;
}

/**
 * Awb 9:11(2): one postponement, by at most four weeks beyond the deadline in force, with notice sent
 * before that deadline passes (on the deadline day itself is in time).
 */
export function checkPostpone(
  current: DeadlineInput,
  req: { until: IsoDate; noticeSentOn: IsoDate },
  today: IsoDate,
  cal: AtwCalendar,
): RuleBreak | null {
  if (current.postponement)
    return brk("awb_9_11_postpone_once", "The handling term can be postponed only once without the complainant's consent (Awb 9:11(2))");
  const dateBreak = checkStepDate("noticeSentOn", req.noticeSentOn, current.receivedOn, today);
  if (dateBreak) return dateBreak;
  const { deadline } = complaintDeadline(current, cal);
  if (req.noticeSentOn > deadline)
    return brk("awb_9_11_postpone_after_deadline", `The notice must be sent before the deadline (${deadline}) passes (Awb 9:11(2))`, "noticeSentOn");
  if (!isIsoDate(req.until)) return brk("bad_date", "until is not a date (YYYY-MM-DD)", "until");
  if (req.until <= deadline) return brk("postpone_not_later", `The new date must be after the deadline in force (${deadline})`, "until");
  const max = addDays(deadline, 28);
  if (req.until > max)
    return brk("awb_9_11_postpone_max_4_weeks", `At most four weeks beyond the deadline in force: ${max} at the latest (Awb 9:11(2))`, "until");
  return null;
}

/** Further postponement only with the complainant's written consent, recorded with its date. */
export function checkConsentPostpone(
  current: DeadlineInput,
  req: { until: IsoDate; consentOn: IsoDate },
  today: IsoDate,
  cal: AtwCalendar,
): RuleBreak | null {
  const dateBreak = checkStepDate("consentOn", req.consentOn, current.receivedOn, today);
  if (dateBreak) return dateBreak;
  if (!isIsoDate(req.until)) return brk("bad_date", "until is not a date (YYYY-MM-DD)", "until");
  const { deadline } = complaintDeadline(current, cal);
  if (req.until <= deadline) return brk("postpone_not_later", `The new date must be after the deadline in force (${deadline})`, "until");
  return null;
}

/** Awb 9:8: the notice declining to handle a complaint goes out within four weeks of receipt (Atw applies). */
export function declineDeadline(receivedOn: IsoDate, cal: AtwCalendar): IsoDate {
  return atwMove(addDays(receivedOn, 28), cal).date;
}

export function checkDecline(receivedOn: IsoDate, sentOn: IsoDate, today: IsoDate, cal: AtwCalendar): RuleBreak | null {
  const dateBreak = checkStepDate("sentOn", sentOn, receivedOn, today);
  if (dateBreak) return dateBreak;
  const last = declineDeadline(receivedOn, cal);
  if (sentOn > last)
    return brk("awb_9_8_decline_after_4_weeks", `Declining must be notified within four weeks of receipt: by ${last} (Awb 9:8)`, "sentOn");
  return null;
}

/** "Received on 2026-03-02 + 6 weeks = 2026-04-13 → moved for Tweede Paasdag to 2026-04-14 → …" */
export function describeBasis(basis: BasisStep[], locale: "nl" | "en"): string {
  const nl = locale === "nl";
  return basis
    .map((s) => {
      switch (s.kind) {
        case "received":
          return nl ? `ontvangen op ${s.date}` : `received on ${s.date}`;
        case "term":
          return nl ? `+ ${s.weeks} weken = ${s.date}` : `+ ${s.weeks} weeks = ${s.date}`;
        case "moved": {
          const why = s.reasons.map((r) => r[locale]).join(", ");
          return nl ? `→ verschoven wegens ${why} naar ${s.to}` : `→ moved for ${why} to ${s.to}`;
        }
        case "postponed":
          return nl ? `→ verdaagd met bericht op ${s.noticeSentOn} tot ${s.until}` : `→ postponed with notice on ${s.noticeSentOn} to ${s.until}`;
        case "consent":
          return nl
            ? `→ met instemming van ${s.consentOn} verdaagd tot ${s.until}`
            : `→ postponed with consent given on ${s.consentOn} to ${s.until}`;
      }
    })
    .join(" ");
}

/** Handled on time = closed on or before the deadline in force. */
export const handledOnTime = (closedOn: IsoDate, deadline: IsoDate) => closedOn <= deadline;

/** The tracker's bands: overdue, due within 5 working days, the rest. */
export type Band = "overdue" | "soon" | "later";
export function deadlineBand(deadline: IsoDate, today: IsoDate, cal: AtwCalendar): Band {
  if (deadline < today) return "overdue";
  if (deadline <= addWorkingDays(today, 5, cal)) return "soon";
  return "later";
}
