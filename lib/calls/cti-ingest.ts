/**
 * The CTI webhook's ingestion (spec 03): the token, and each event merged into its call. The HTTP side is
 * cti-http.ts; the merge rules are pure, in cti.ts.
 */
// No "server-only" marker (see queues.ts): the CTI webhook's Pages API route imports this module.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { db, pool } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { callerByPhoneSql, matchablePhone, normalizePhone } from "@/lib/customers";
import { mergeCtiEvent, tokensMatch, type CallResult, type CtiCallState, type CtiEvent } from "./cti";
import { cachedQueueMap, queueFor, type Queue } from "./queues";

/** The CTI webhook secret: CTI_TOKEN, else one generated once and kept in settings. */
// The generated token never changes once stored, so each instance reads it once (not twice per CTI event).
let storedToken: string | undefined;

export async function ctiToken(): Promise<string> {
  const fromEnv = env().CTI_TOKEN;
  if (fromEnv) return fromEnv;
  if (storedToken) return storedToken;
  const fresh = crypto.randomBytes(24).toString("base64url");
  // Insert-if-missing then read: every instance ends up with the one token the first instance stored.
  await db.execute(sql`insert into settings (key, value) values ('cti.token', to_jsonb(${fresh}::text)) on conflict (key) do nothing`);
  const { rows } = await db.execute<{ token: string }>(sql`select value #>> '{}' as token from settings where key = 'cti.token'`);
  storedToken = rows[0].token;
  return storedToken;
}

export async function checkCtiToken(presented: string): Promise<void> {
  if (!tokensMatch(presented, await ctiToken(), crypto.timingSafeEqual))
    throw new AppError(401, "unauthorized", "This CTI token is not valid");
}

type CallRow = {
  id: number;
  direction: "in" | "out";
  from_number: string | null;
  to_number: string | null;
  queue: Queue | null;
  ringing_users: string[];
  agent_label: string | null;
  offered_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  hangup_cause: string | null;
  result: CallResult | null;
  wait_seconds: number | null;
  talk_seconds: number | null;
  customer_id: string | null;
  agent_id: string | null;
};

// pg gives timestamptz as Date; text is accepted too, so a row read through drizzle's raw execute also fits.
const dt = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

const toState = (r: CallRow): CtiCallState => ({
  direction: r.direction,
  fromNumber: r.from_number,
  toNumber: r.to_number,
  queueName: r.queue,
  ringingUsers: r.ringing_users,
  answeringNumber: r.agent_label,
  offeredAt: new Date(r.offered_at),
  answeredAt: dt(r.answered_at),
  endedAt: dt(r.ended_at),
  hangupCause: r.hangup_cause,
  result: r.result,
  waitSeconds: r.wait_seconds,
  talkSeconds: r.talk_seconds,
});

// ---- CTI hot path ----------------------------------------------------------------------------------------
// Spec 03 asks ≥ 500 events/s, so each event is, as a rule, one statement, its own transaction, sent with a
// named prepared statement straight to the pool. The write is conditional on the version (`xmin`) of the
// row it merged into: when another event of the same call (on this or another instance) wrote in between,
// the write touches nothing and the event is merged again from a fresh read. No lock is held across round
// trips, so the dashboards' rollup rows (db/schema/dashboards.ts: 16 per day and queue, which all of a
// day's calls update) are locked only for one statement. The version an instance wrote last is kept in
// memory, which saves the read for the next event of that call; a stale entry costs one retry, never a
// wrong row.

type KnownCall = CallRow & { version: string };
const CTI_COLUMNS = `id, direction, from_number, to_number, queue, ringing_users, agent_label, offered_at, answered_at, ended_at,
  hangup_cause, result, wait_seconds, talk_seconds, customer_id, agent_id, xmin::text as version`;
const CTI_READ = `select ${CTI_COLUMNS} from calls where source = 'cti' and external_id = $1`;
// Parameters: $1 callId, $2 event, $3 payload, $4 received at, $5 the row, $6 its version; then (writes)
// $7…$19 the merged state, $20 the answering label to look up (null: keep $21, the agent already known),
// $22 the number to find the caller by (null: keep $23, the customer already known).
const EVENT_ROW = `insert into cti_events (call_external_id, event, payload, call_id, received_at) select $1, $2, $3::jsonb, c.id, $4 from c`;
// A repeat: only its event row, and only if the call is still as this event saw it.
const CTI_REPEAT = `with c as (select id from calls where id = $5 and xmin = $6::text::xid) ${EVENT_ROW}`;
// The agent answering: by extension, email or name (Zammad's `user` carries names; PBXs send extensions).
const AGENT = `coalesce($21::uuid, (select u.id from users u where u.active and (u.extension = $20 or lower(u.email) = lower($20) or u.name = $20) limit 1))`;
// The caller: the one customer with that number (several: the agent picks one on the call screen), by the
// customers module's phone rule, inside this one statement (lib/customers/resolve.ts callerByPhoneSql).
const CUSTOMER = `coalesce($23::uuid, ${callerByPhoneSql("$22")})`;
const CTI_INSERT = `with c as (
    insert into calls (source, external_id, direction, from_number, to_number, queue, ringing_users, agent_label, offered_at, answered_at,
      ended_at, hangup_cause, result, wait_seconds, talk_seconds, agent_id, customer_id)
    select 'cti', $1, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, ${AGENT}, ${CUSTOMER}
    where $5::bigint is null and $6::text is null -- always true here; it gives $5 and $6 their types, as every statement takes $1…$6
    on conflict (source, external_id) do nothing
    returning ${CTI_COLUMNS}),
  e as (${EVENT_ROW})
  select * from c`;
const CTI_UPDATE = `with c as (
    update calls set direction = $7, from_number = $8, to_number = $9, queue = $10, ringing_users = $11, agent_label = $12,
      offered_at = $13, answered_at = $14, ended_at = $15, hangup_cause = $16, result = $17, wait_seconds = $18, talk_seconds = $19,
      agent_id = ${AGENT}, customer_id = ${CUSTOMER}, updated_at = now()
    where id = $5 and xmin = $6::text::xid
    returning ${CTI_COLUMNS}),
  e as (${EVENT_ROW})
  select * from c`;
/** Events of one call racing each other retry; this many rounds means something is badly wrong. */
const CTI_ATTEMPTS = 50;

const RECENT_MAX = 10_000;
const recentCalls = new Map<string, KnownCall>(); // callId → the row as this instance last wrote it; oldest first

function remember(callId: string, row: KnownCall) {
  recentCalls.delete(callId);
  recentCalls.set(callId, row);
  const oldest = recentCalls.keys().next();
  if (recentCalls.size > RECENT_MAX && !oldest.done) recentCalls.delete(oldest.value);
}

/**
 * Applies one CTI event: merges it into the call with that callId (`mergeCtiEvent`, pure) and writes the
 * merged row with an ordinary INSERT/UPDATE on `calls` (the dashboards' triggers see it) together with the
 * raw event in cti_events, in one statement. A repeat writes only its cti_events row.
 */
export async function applyCtiEvent(
  ev: CtiEvent,
  payload: Record<string, unknown>,
  at: Date = new Date(),
): Promise<{ id: number; changed: boolean }> {
  const p = pool();
  const json = JSON.stringify(payload);
  const received = at.toISOString();
  const partyOf = (direction: "in" | "out", from: string | null, to: string | null) => (direction === "out" ? to : from);
  // undefined: not known, read it. A newCall is, as a rule, the first event of its call: try the insert.
  let known: KnownCall | null | undefined = recentCalls.get(ev.callId) ?? (ev.event === "newCall" ? null : undefined);
  for (let attempt = 1; attempt <= CTI_ATTEMPTS; attempt++) {
    if (known === undefined) known = (await p.query<KnownCall>({ name: "cti_read", text: CTI_READ, values: [ev.callId] })).rows[0] ?? null;
    const row = known;
    const { state, changed } = mergeCtiEvent(row ? toState(row) : null, ev, at);
    const head = [ev.callId, ev.event, json, received, row?.id ?? null, row?.version ?? null];
    if (!changed) {
      const r = await p.query({ name: "cti_repeat", text: CTI_REPEAT, values: head });
      if (r.rowCount && row) return { id: row.id, changed: false };
      known = undefined;
      continue;
    }
    const queue =
      row?.queue ??
      queueFor(await cachedQueueMap(), { queueName: state.queueName, dialled: state.direction === "in" ? state.toNumber : null });
    // The agent when the answering label is new; the caller once, when their number first becomes known.
    const findAgent = !row?.agent_id && state.answeringNumber && state.answeringNumber !== row?.agent_label ? state.answeringNumber : null;
    const party = normalizePhone(partyOf(state.direction, state.fromNumber, state.toNumber));
    const partyBefore = row ? normalizePhone(partyOf(row.direction, row.from_number, row.to_number)) : null;
    const findCustomer = !row?.customer_id && matchablePhone(party) && party !== partyBefore ? party : null;
    const ts = (d: Date | null) => (d ? d.toISOString() : null);
    const values = [
      ...head,
      state.direction,
      state.fromNumber,
      state.toNumber,
      queue,
      state.ringingUsers,
      state.answeringNumber,
      ts(state.offeredAt),
      ts(state.answeredAt),
      ts(state.endedAt),
      state.hangupCause,
      state.result,
      state.waitSeconds,
      state.talkSeconds,
      findAgent,
      row?.agent_id ?? null,
      findCustomer,
      row?.customer_id ?? null,
    ];
    const written = await p.query<KnownCall>(
      row ? { name: "cti_update", text: CTI_UPDATE, values } : { name: "cti_insert", text: CTI_INSERT, values },
    );
    if (written.rows[0]) {
      remember(ev.callId, written.rows[0]);
      return { id: written.rows[0].id, changed: true };
    }
    known = undefined; // another event of this call wrote first: merge again from what it wrote
  }
  throw new AppError(503, "cti_busy", `Call ${ev.callId} is changing too fast to merge this event; send it again`, undefined, {
    "Retry-After": "1",
  });
}
