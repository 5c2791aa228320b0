import { SHIPPED_ATW_DECREE_DAYS } from "@/lib/calendar/atw-decrees";
import { addDays, isIsoDate, isWeekend, type IsoDate } from "@/lib/calendar/dates";
import { dutchHolidays, type Holiday } from "@/lib/calendar/holidays";

/**
 * The Awb chapter 9 deadlines of a complaint, as pure functions (no I/O, the clock is an argument).
 * Holidays are those of the Algemene termijnenwet: art. 3(1) and Good Friday (art. 3(2)) computed in
 * lib/calendar/holidays.ts, and the days made equal to a holiday by royal decree (art. 3(3)): the shipped
 * decrees of lib/calendar/atw-decrees.ts plus the later ones an admin added (`atw_decree_days`), passed in.
 * Office closures (desk closures, days the KIC or all desks are closed) are deliberately not part of this
 * calendar: they change opening hours and SLA clocks, never a statutory deadline. The same calendar holds
 * for every desk, the Caribbean ones included.
 */

export type Name = { nl: string; en: string };

/** Which days are Atw holidays; built once per request from the computed list and the decree days. */
export type AtwCalendar = { holiday(d: IsoDate): Name | undefined };

/**
 * The Atw calendar: art. 3(1), 3(2), the shipped decree days of art. 3(3), and `decreeDays` — later decree
 * days an admin added (art. 3(3) as well).
 */
export function atwCalendar(decreeDays: { date: IsoDate; name: string | Name }[] = []): AtwCalendar {
  const byYear = new Map<number, Map<IsoDate, Name>>();
  const decreed = new Map<IsoDate, Name>(SHIPPED_ATW_DECREE_DAYS.map((d) => [d.date, d.name]));
  for (const e of decreeDays) decreed.set(e.date, typeof e.name === "string" ? { nl: e.name, en: e.name } : e.name);
  return {
    holiday(d) {
      const y = Number(d.slice(0, 4));
      let m = byYear.get(y);
      if (!m) {
        m = new Map(dutchHolidays(y).map((h: Holiday) => [h.date, h.name]));
        byYear.set(y, m);
      }
      return m.get(d) ?? decreed.get(d);
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
  | { kind: "committee"; on: IsoDate; date: IsoDate; kept?: IsoDate }
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

/**
 * A step that changed the deadline, in the order the steps were taken (stored as the complaint's
 * `deadline_steps`). The deadline in force is the result of the last step, not of an order fixed in code.
 */
export type DeadlineStep =
  /** Awb 9:14: an advisory committee handles it, switched on on `on`. */
  | { kind: "committee"; on: IsoDate }
  /** Awb 9:11(2): the one postponement by the authority, with the date its notice was sent. */
  | { kind: "postponed"; until: IsoDate; noticeSentOn: IsoDate }
  /** Awb 9:11(3): further postponement with the complainant's written consent. */
  | { kind: "consent"; until: IsoDate; consentOn: IsoDate };

export type DeadlineInput = {
  receivedOn: IsoDate;
  /**
   * Without `steps` (the older form, still used by callers that have no ordered history): ten weeks from
   * the start when true, then the postponement, then the consents by date. With `steps` it is ignored:
   * the committee is one of the steps.
   */
  advisoryCommittee?: boolean;
  postponement?: { until: IsoDate; noticeSentOn: IsoDate } | null;
  consents?: { until: IsoDate; consentOn: IsoDate }[];
  /** The steps in the order they were taken. */
  steps?: DeadlineStep[];
};

export type Deadline = { deadline: IsoDate; basis: BasisStep[] };

/** Awb 9:11(1): six weeks after receipt, ten with an advisory committee (9:14), moved by the Atw. */
export function statutoryDeadline(receivedOn: IsoDate, advisoryCommittee: boolean, cal: AtwCalendar): Deadline {
  const weeks = advisoryCommittee ? 10 : 6;
  const end = addDays(receivedOn, weeks * 7);
  const basis: BasisStep[] = [
    { kind: "received", date: receivedOn },
    { kind: "term", weeks, date: end },
  ];
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

/** The steps of an input: as given, or derived from the older fields in their old fixed order. */
export function stepsOf(input: DeadlineInput): DeadlineStep[] {
  if (input.steps) return input.steps;
  const out: DeadlineStep[] = [];
  if (input.postponement) out.push({ kind: "postponed", ...input.postponement });
  for (const c of [...(input.consents ?? [])].sort((a, b) => a.until.localeCompare(b.until))) out.push({ kind: "consent", ...c });
  return out;
}

/** The deadline in force, with every step that made it (the complaint file shows this). */
export function complaintDeadline(input: DeadlineInput, cal: AtwCalendar): Deadline {
  let d = statutoryDeadline(input.receivedOn, !input.steps && !!input.advisoryCommittee, cal);
  for (const s of stepsOf(input)) {
    if (s.kind === "committee") {
      // Awb 9:14 → 9:11(1): ten weeks from receipt (then the Atw), never shorter than the deadline in force.
      const ten = statutoryDeadline(input.receivedOn, true, cal).deadline;
      d =
        ten >= d.deadline
          ? { deadline: ten, basis: [...d.basis, { kind: "committee", on: s.on, date: ten }] }
          : { deadline: d.deadline, basis: [...d.basis, { kind: "committee", on: s.on, date: ten, kept: d.deadline }] };
    } else if (s.kind === "postponed") d = withAtw(d, { kind: "postponed", until: s.until, noticeSentOn: s.noticeSentOn }, cal);
    else d = withAtw(d, { kind: "consent", until: s.until, consentOn: s.consentOn }, cal);
  }
  return d;
}

/** A rule the requested step would break; `code` is what the API's 422 carries. */
export type RuleBreak = { code: string; message: string; field?: string; aliases?: string[] };

const brk = (code: string, message: string, field?: string, aliases?: string[]): RuleBreak => ({
  code,
  message,
  field,
  ...(aliases ? { aliases } : {}),
});

/** Dates of a step: not in the future, not before receipt. */
export function checkStepDate(
  field: string,
  d: IsoDate,
  receivedOn: IsoDate,
  today: IsoDate,
  beforeReceiptCode = "date_before_receipt",
): RuleBreak | null {
  if (!isIsoDate(d)) return brk("bad_date", `${field} is not a date (YYYY-MM-DD)`, field);
  if (d > today) return brk("date_in_future", `${field} (${d}) lies in the future`, field);
  if (d < receivedOn) return brk(beforeReceiptCode, `${field} (${d}) lies before the complaint was received (${receivedOn})`, field);
  return null;
}

/**
 * Awb 9:11(2): the authority may postpone once, by at most four weeks, with written notice to the
 * complainant and the person concerned. The app sends that notice itself, today, so the notice date is
 * today: a postponement is refused once today is past the deadline in force, whatever notice date is typed
 * (sending on the deadline day itself is in time). Refused as well after an earlier postponement
 * (`awb_9_11_postpone_once`) and once a postponement with the complainant's consent (9:11(3)) exists: after
 * consent the only way on is consent again.
 *
 * The four weeks are counted from the deadline in force as the Atw moved it (a six-week term ending on
 * Good Friday 2026-04-03 runs to Tuesday 2026-04-07; four weeks from that: 2026-05-05), not from the raw
 * six weeks. The law does not say which; we chose the date the complainant was told, which never gives
 * less time than the other reading, and the complaint page says so.
 */
export function checkPostpone(
  current: DeadlineInput,
  req: { until: IsoDate; noticeSentOn?: IsoDate | null },
  today: IsoDate,
  cal: AtwCalendar,
): RuleBreak | null {
  const steps = stepsOf(current);
  if (steps.some((s) => s.kind === "postponed"))
    return brk("awb_9_11_postpone_once", "The handling term can be postponed only once without the complainant's consent (Awb 9:11(2))");
  if (steps.some((s) => s.kind === "consent"))
    return brk(
      "awb_9_11_2_unilateral_after_consent",
      "The term was already extended with the complainant's consent (Awb 9:11(3)); a further postponement needs their consent again",
    );
  const { deadline } = complaintDeadline(current, cal);
  if (today > deadline)
    return brk(
      "awb_9_11_2_postpone_after_deadline",
      `The deadline in force (${deadline}) has passed; a postponement must be notified before it passes (Awb 9:11(2))`,
      undefined,
      ["awb_9_11_postpone_after_deadline"],
    );
  if (req.noticeSentOn != null && req.noticeSentOn !== today)
    return brk(
      "awb_9_11_2_notice_dated_today",
      `The app sends the notice today; its date is ${today}, not ${req.noticeSentOn}`,
      "noticeSentOn",
    );
  if (!isIsoDate(req.until)) return brk("bad_date", "until is not a date (YYYY-MM-DD)", "until");
  if (req.until <= deadline) return brk("postpone_not_later", `The new date must be after the deadline in force (${deadline})`, "until");
  const max = addDays(deadline, 28);
  if (req.until > max)
    return brk(
      "awb_9_11_postpone_max_4_weeks",
      `At most four weeks beyond the deadline in force: ${max} at the latest (Awb 9:11(2))`,
      "until",
    );
  return null;
}

/**
 * Awb 9:11(3): further postponement only with the complainant's written consent, recorded with its date.
 * Consent must be given, and recorded, while the deadline in force has not passed: once it has passed the
 * complaint is overdue and no later consent makes it timely.
 */
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
  if (req.consentOn > deadline || today > deadline)
    return brk(
      "awb_9_11_3_consent_after_deadline",
      `The deadline in force (${deadline}) has passed; consent given or recorded after it cannot extend it (Awb 9:11(3))`,
      req.consentOn > deadline ? "consentOn" : undefined,
    );
  if (req.until <= deadline) return brk("postpone_not_later", `The new date must be after the deadline in force (${deadline})`, "until");
  return null;
}

/**
 * Awb 9:14 with 9:11(1): an advisory committee gives ten weeks from receipt instead of six. Switching it on
 * is refused once the six-week deadline (Atw-moved) has passed: the complainant was owed an answer by
 * then. Switching it off is refused after that too, and once a postponement or consent followed it (those
 * were measured from the ten weeks).
 */
export function checkCommittee(current: DeadlineInput, on: boolean, today: IsoDate, cal: AtwCalendar): RuleBreak | null {
  const six = statutoryDeadline(current.receivedOn, false, cal).deadline;
  const steps = stepsOf(current);
  const at = steps.findIndex((s) => s.kind === "committee");
  if (on === at >= 0) return null;
  if (today > six)
    return brk(
      "awb_9_14_committee_after_deadline",
      `The six-week deadline (${six}) has passed; the advisory committee's ten weeks can no longer be chosen or undone (Awb 9:14, 9:11(1))`,
      "advisoryCommittee",
    );
  if (!on && steps.slice(at + 1).length)
    return brk(
      "awb_9_14_committee_has_later_steps",
      "A postponement was measured from the committee's ten weeks; the committee cannot be switched off now",
      "advisoryCommittee",
    );
  return null;
}

/** The steps after switching the committee on or off (on: appended, today; off: removed). */
export function withCommittee(steps: DeadlineStep[], on: boolean, today: IsoDate): DeadlineStep[] {
  const has = steps.some((s) => s.kind === "committee");
  if (on && !has) return [...steps, { kind: "committee", on: today }];
  if (!on && has) return steps.filter((s) => s.kind !== "committee");
  return steps;
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
        case "committee":
          if (s.kept)
            return nl
              ? `→ adviescommissie vanaf ${s.on}: 10 weken na ontvangst = ${s.date}, eerder dan de geldende termijn, die blijft ${s.kept}`
              : `→ advisory committee from ${s.on}: 10 weeks after receipt = ${s.date}, earlier than the deadline in force, which stays ${s.kept}`;
          return nl
            ? `→ adviescommissie vanaf ${s.on}: 10 weken na ontvangst = ${s.date}`
            : `→ advisory committee from ${s.on}: 10 weeks after receipt = ${s.date}`;
        case "postponed":
          return nl
            ? `→ verdaagd met bericht op ${s.noticeSentOn} tot ${s.until}`
            : `→ postponed with notice on ${s.noticeSentOn} to ${s.until}`;
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
