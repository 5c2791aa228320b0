/**
 * The CTI webhook's rules, pure (spec 03): Zammad's "generic CTI" events newCall / answer / hangup, merged
 * into one call per callId. Order-independent where it can be: an answer or hangup that arrives before its
 * newCall still gives one correct call; repeats change nothing; an answer after the hangup is ignored
 * (as Zammad does). The clock is an argument: the generic CTI API carries no timestamps, so the time an
 * event is received is its time.
 */

export const CTI_EVENTS = ["newCall", "answer", "hangup"] as const;
export type CtiEventName = (typeof CTI_EVENTS)[number];
export const CTI_CAUSES = ["normalClearing", "busy", "cancel", "noAnswer", "congestion", "notFound", "forwarded"] as const;
export type CtiCause = (typeof CTI_CAUSES)[number];
export type CallResult = "answered" | "abandoned" | "timeout" | "busy" | "no_answer" | "failed" | "transferred";

export type CtiEvent = {
  event: CtiEventName;
  callId: string;
  direction: "in" | "out" | null;
  from: string | null;
  to: string | null;
  users: string[];
  queue: string | null;
  cause: string | null;
  answeringNumber: string | null;
};

/** A refused payload: `status` 422 for a bad event or direction (spec 03), 400 for a missing call id. */
export class CtiPayloadError extends Error {
  constructor(
    readonly status: 400 | 422,
    readonly code: string,
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const str = (v: unknown): string | null => {
  if (Array.isArray(v)) v = v[0];
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === "" ? null : s.slice(0, 200);
};

/**
 * A raw payload (JSON object, or form fields — `user` may repeat, or come as `user[]`) → a CtiEvent.
 * Throws CtiPayloadError naming the field.
 */
export function parseCtiPayload(raw: Record<string, unknown>): CtiEvent {
  const event = str(raw.event);
  if (!event || !(CTI_EVENTS as readonly string[]).includes(event))
    throw new CtiPayloadError(
      422,
      "cti_unknown_event",
      `Unknown event ${JSON.stringify(event ?? "")}: expected newCall, answer or hangup`,
      "event",
    );
  const direction = str(raw.direction);
  if (direction !== null && direction !== "in" && direction !== "out")
    throw new CtiPayloadError(
      422,
      "cti_bad_direction",
      `Direction ${JSON.stringify(direction)} is not valid: expected in or out`,
      "direction",
    );
  if (event === "newCall" && direction === null)
    throw new CtiPayloadError(422, "cti_bad_direction", "A newCall needs a direction: in or out", "direction");
  const callId = str(raw.callId ?? raw.call_id);
  if (!callId) throw new CtiPayloadError(400, "bad_request", "callId (or call_id) is required", "callId");
  const rawUser = raw.user ?? raw["user[]"];
  const users = (Array.isArray(rawUser) ? rawUser : rawUser === undefined || rawUser === null ? [] : [rawUser])
    .map((u) => str(u))
    .filter((u): u is string => !!u)
    .slice(0, 50);
  return {
    event: event as CtiEventName,
    callId,
    direction: direction as "in" | "out" | null,
    from: str(raw.from),
    to: str(raw.to),
    users,
    queue: str(raw.queue),
    cause: str(raw.cause),
    answeringNumber: str(raw.answeringNumber ?? raw.answering_number),
  };
}

/** What one call looks like after merging the events seen so far. */
export type CtiCallState = {
  direction: "in" | "out";
  fromNumber: string | null;
  toNumber: string | null;
  queueName: string | null;
  ringingUsers: string[];
  answeringNumber: string | null;
  offeredAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  hangupCause: string | null;
  result: CallResult | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
};

/** The hang-up cause → the call's result. Zammad's causes; an unknown or missing one counts as a normal end. */
export function resultForHangup(cause: string | null, answered: boolean, direction: "in" | "out"): CallResult {
  if (cause === "forwarded") return "transferred";
  if (answered) return "answered";
  switch (cause) {
    case "busy":
      return "busy";
    case "noAnswer":
      return "no_answer";
    case "congestion":
    case "notFound":
      return "failed";
    case "cancel":
    case "normalClearing":
    default:
      // Inbound: the caller gave up waiting. Outbound: nobody picked up.
      return direction === "in" ? "abandoned" : "no_answer";
  }
}

const secondsBetween = (a: Date, b: Date) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000));
const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

function withDurations(s: CtiCallState): CtiCallState {
  const waitEnd = s.answeredAt ?? s.endedAt;
  return {
    ...s,
    waitSeconds: waitEnd ? secondsBetween(s.offeredAt, waitEnd) : null,
    talkSeconds: s.answeredAt && s.endedAt ? secondsBetween(s.answeredAt, s.endedAt) : null,
    result: s.endedAt ? resultForHangup(s.hangupCause, !!s.answeredAt, s.direction) : null,
  };
}

/**
 * Merges one event into the call (null = first event seen for this callId). Returns the new state and
 * whether anything changed, so that repeats write nothing.
 */
export function mergeCtiEvent(state: CtiCallState | null, ev: CtiEvent, at: Date): { state: CtiCallState; changed: boolean } {
  const base: CtiCallState = state ?? {
    direction: ev.direction ?? "in",
    fromNumber: null,
    toNumber: null,
    queueName: null,
    ringingUsers: [],
    answeringNumber: null,
    offeredAt: at,
    answeredAt: null,
    endedAt: null,
    hangupCause: null,
    result: null,
    waitSeconds: null,
    talkSeconds: null,
  };
  // An answer that comes after the hang-up describes a call that is over: ignore it whole.
  if (state && ev.event === "answer" && state.endedAt) return { state, changed: false };

  const next: CtiCallState = {
    ...base,
    // newCall is the authority on the parties; other events fill in what is missing.
    direction: ev.event === "newCall" && ev.direction ? ev.direction : state ? base.direction : (ev.direction ?? "in"),
    fromNumber: ev.event === "newCall" ? (ev.from ?? base.fromNumber) : (base.fromNumber ?? ev.from),
    toNumber: ev.event === "newCall" ? (ev.to ?? base.toNumber) : (base.toNumber ?? ev.to),
    queueName: base.queueName ?? ev.queue,
    ringingUsers: [...new Set([...base.ringingUsers, ...(ev.event === "newCall" ? ev.users : [])])],
    offeredAt: minDate(base.offeredAt, at),
  };
  if (ev.event === "answer" && !next.answeredAt) {
    next.answeredAt = at;
    next.answeringNumber = ev.answeringNumber ?? ev.users[0] ?? next.answeringNumber;
  }
  if (ev.event === "hangup" && !next.endedAt) {
    next.endedAt = at;
    next.hangupCause = ev.cause;
    next.answeringNumber ??= ev.answeringNumber;
  }
  const merged = withDurations(next);
  return { state: merged, changed: !state || !sameState(state, merged) };
}

function sameState(a: CtiCallState, b: CtiCallState): boolean {
  const t = (d: Date | null) => (d ? d.getTime() : null);
  return (
    a.direction === b.direction &&
    a.fromNumber === b.fromNumber &&
    a.toNumber === b.toNumber &&
    a.queueName === b.queueName &&
    a.ringingUsers.join("\u0000") === b.ringingUsers.join("\u0000") &&
    a.answeringNumber === b.answeringNumber &&
    t(a.offeredAt) === t(b.offeredAt) &&
    t(a.answeredAt) === t(b.answeredAt) &&
    t(a.endedAt) === t(b.endedAt) &&
    a.hangupCause === b.hangupCause &&
    a.result === b.result &&
    a.waitSeconds === b.waitSeconds &&
    a.talkSeconds === b.talkSeconds
  );
}

/** The constant-time comparison of a presented token with the configured one. */
export function tokensMatch(presented: string, expected: string, timingSafeEqual: (a: Uint8Array, b: Uint8Array) => boolean): boolean {
  const a = new TextEncoder().encode(presented);
  const b = new TextEncoder().encode(expected);
  // Compare equal-length buffers always, so the time does not reveal the length either.
  const pad = new Uint8Array(Math.max(a.length, b.length, 1));
  const aa = new Uint8Array(pad.length);
  aa.set(a);
  const bb = new Uint8Array(pad.length);
  bb.set(b);
  return timingSafeEqual(aa, bb) && a.length === b.length;
}
