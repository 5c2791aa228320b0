import "server-only";
import { sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { queuesFor, requirePermission, type Actor } from "@/lib/auth/roles";
import { callVisibility } from "./history";
import { AppError, conflict, notFound, ruleViolation } from "@/lib/errors";
import { recordEvent, SYSTEM } from "@/lib/platform/events";
import { auditRead } from "@/lib/privacy";
import { createPhoneTicket } from "@/lib/tickets";
import { customerById, customersWithPhone, resolveCustomer } from "@/lib/customers";
import { customerHistory } from "@/lib/platform/customer-history";
import type { CallResult } from "./cti";
import type { Queue } from "./queues";
import type { LogCallInput, ListCallsQuery, UpdateCallInput } from "./schemas";

// The CTI webhook's ingestion is in cti-ingest.ts, the queue mapping in queues.ts.
export type { Queue } from "./queues";

// ---- Callers -------------------------------------------------------------------------------------------

/**
 * The customers whose phone is this number, however it was written (+31 6…, 06…, 0031 6…): the customers
 * module's phone rule, the same the CTI webhook links callers by.
 */
export async function customersByPhone(tx: DbOrTx, phone: string | null) {
  return customersWithPhone(tx, phone);
}

// ---- Reading calls -------------------------------------------------------------------------------------

export type CallView = {
  id: number;
  source: string;
  queue: Queue | null;
  direction: "in" | "out";
  fromNumber: string | null;
  toNumber: string | null;
  agentId: string | null;
  agentName: string | null;
  agentLabel: string | null;
  offeredAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  result: CallResult | null;
  customerId: string | null;
  customerName: string | null;
  topic: string | null;
  notes: string | null;
  callbackWanted: boolean;
  callbackOutcome: string | null;
  ticketId: number | null;
  appointmentId: string | null;
  complaintId: string | null;
};

const VIEW_COLUMNS = sql`c.id, c.source, c.queue, c.direction, c.from_number as "fromNumber", c.to_number as "toNumber",
  c.agent_id as "agentId", u.name as "agentName", c.agent_label as "agentLabel", c.offered_at as "offeredAt",
  c.answered_at as "answeredAt", c.ended_at as "endedAt", c.wait_seconds as "waitSeconds", c.talk_seconds as "talkSeconds",
  c.result, c.customer_id as "customerId", cu.name as "customerName", c.topic, c.notes, c.callback_wanted as "callbackWanted",
  c.callback_outcome as "callbackOutcome", c.ticket_id as "ticketId", c.appointment_id as "appointmentId", c.complaint_id as "complaintId"`;
const VIEW_FROM = sql`calls c left join users u on u.id = c.agent_id left join customers cu on cu.id = c.customer_id`;

const iso = (d: unknown) =>
  d instanceof Date ? d.toISOString() : d === null || d === undefined ? null : new Date(String(d)).toISOString();
function toView(r: Record<string, unknown>): CallView {
  // offered_at is NOT NULL: the fallback never applies.
  return { ...(r as unknown as CallView), offeredAt: iso(r.offeredAt) ?? "", answeredAt: iso(r.answeredAt), endedAt: iso(r.endedAt) };
}

/** What a role may see (shared with the customer history: lib/calls/history.ts). */
const visibility = callVisibility;

const MISSED = sql`c.direction = 'in' and c.result in ('abandoned','timeout','no_answer','busy') and c.callback_outcome is null and c.from_number is not null`;

export async function listCalls(actor: Actor, q: ListCallsQuery): Promise<{ calls: CallView[]; total: number }> {
  requirePermission(actor, "workCalls");
  const where = [visibility(actor)];
  // Dates are local days at the KIC (Europe/Amsterdam).
  if (q.from) where.push(sql`c.offered_at >= (${q.from}::date::timestamp at time zone 'Europe/Amsterdam')`);
  if (q.to) where.push(sql`c.offered_at < ((${q.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`);
  if (q.queue) where.push(sql`c.queue = ${q.queue}`);
  if (q.agent) where.push(sql`c.agent_id = ${q.agent === "me" ? (actor.kind === "user" ? actor.id : null) : q.agent}`);
  // Missed calls are worth a call-back for a week; older ones are history.
  if (q.result === "missed")
    where.push(sql`(${MISSED} or (c.callback_wanted and c.callback_outcome is null)) and c.offered_at > now() - interval '7 days'`);
  else if (q.result === "open") where.push(sql`c.result is null`);
  else if (q.result) where.push(sql`c.result = ${q.result}`);
  if (q.topic) where.push(sql`c.topic = ${q.topic}`);
  if (q.direction) where.push(sql`c.direction = ${q.direction}`);
  if (q.customer) where.push(sql`c.customer_id = ${q.customer}`);
  const cond = sql.join(where, sql` and `);
  const [rows, count] = await Promise.all([
    db.execute(
      sql`select ${VIEW_COLUMNS} from ${VIEW_FROM} where ${cond} order by c.offered_at desc, c.id desc limit ${q.limit} offset ${q.offset}`,
    ),
    // Counting a year of calls is cheap enough with the offered_at index; cap it so a wide filter stays fast.
    db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from calls c where ${cond} limit 100000) x`),
  ]);
  const calls = rows.rows.map(toView);
  await auditRead(actor, {
    entityType: "call",
    ids: calls.map((c) => c.id),
    customers: calls.map((c) => c.customerId),
    purpose: "call_list",
    filters: { ...q },
    dedupeMinutes: 10,
  });
  return { calls, total: count.rows[0].n };
}

export async function getCall(actor: Actor, id: number): Promise<CallView> {
  requirePermission(actor, "workCalls");
  const { rows } = await db.execute(sql`select ${VIEW_COLUMNS} from ${VIEW_FROM} where c.id = ${id} and ${visibility(actor)}`);
  if (!rows[0]) throw notFound("Call");
  const call = toView(rows[0]);
  await auditRead(actor, { entityType: "call", id, customers: [call.customerId], purpose: "call_view", dedupeMinutes: 10 });
  return call;
}

/** The topic list, active first by position; inactive ones only for labelling old calls. */
export async function callTopicList(): Promise<{ key: string; labelNl: string; labelEn: string; active: boolean }[]> {
  const { rows } = await db.execute<{ key: string; labelNl: string; labelEn: string; active: boolean }>(
    sql`select key, label_nl as "labelNl", label_en as "labelEn", active from call_topics order by active desc, position, key`,
  );
  return rows;
}

async function assertTopic(tx: DbOrTx, topic: string | null | undefined) {
  if (!topic) return;
  const { rows } = await tx.execute(sql`select 1 from call_topics where key = ${topic} and active`);
  if (!rows.length) throw ruleViolation("unknown_topic", `Topic ${topic} is not on the topic list`, { topic: "not on the topic list" });
}

async function actorExtension(actor: Actor): Promise<string[]> {
  if (actor.kind !== "user") return [];
  const { rows } = await db.execute<{ extension: string | null; email: string; name: string }>(
    sql`select extension, email, name from users where id = ${actor.id}`,
  );
  const u = rows[0];
  return u ? [u.extension, u.email, u.name].filter((x): x is string => !!x) : [];
}

/**
 * The screen pop (spec 03): the agent's ringing and active CTI calls, and the calls they answered in the
 * last half hour (so the form stays up after the hang-up), open ones first, each with the caller
 * matched by phone and that person's history.
 */
export async function liveCalls(actor: Actor) {
  requirePermission(actor, "workCalls");
  if (actor.kind !== "user") return { calls: [] };
  const me = await actorExtension(actor);
  const meArr = `{${me.map((m) => `"${m.replace(/["\\]/g, "")}"`).join(",")}}`;
  const { rows } = await db.execute(sql`select ${VIEW_COLUMNS} from ${VIEW_FROM}
    where c.source = 'cti' and c.offered_at > now() - interval '12 hours' and (
      (c.ended_at is null and (c.agent_id = ${actor.id} or (c.agent_id is null and c.ringing_users && ${meArr}::text[])))
      or (c.agent_id = ${actor.id} and c.answered_at is not null and c.ended_at > now() - interval '30 minutes'))
    order by (c.ended_at is null) desc, c.offered_at desc limit 5`);
  const calls = await Promise.all(
    rows.map(async (r, index) => {
      const call = toView(r);
      const number = call.direction === "in" ? call.fromNumber : call.toNumber;
      const linked = call.customerId ? await customerById(db, call.customerId) : null;
      const customers = linked ? [linked] : await customersByPhone(db, number);
      // Only the call on screen (the first) needs the person's history; the others are listed by name.
      const history =
        index === 0 && customers.length === 1
          ? (await customerHistory(actor, customers[0].id)).filter((h) => !(h.type === "call" && h.id === String(call.id))).slice(0, 10)
          : [];
      // The screen pop polls every second: one access-log row per agent and call while it is live.
      await auditRead(actor, {
        entityType: "call",
        id: call.id,
        customers: customers.map((c) => c.id),
        purpose: "screen_pop",
        dedupeMinutes: 12 * 60,
      });
      return { call, customers, history };
    }),
  );
  return { calls };
}

// ---- Changing calls ------------------------------------------------------------------------------------

export async function logCall(actor: Actor, input: LogCallInput): Promise<CallView> {
  requirePermission(actor, "workCalls");
  const id = await db.transaction(async (tx) => {
    await assertTopic(tx, input.topic);
    const offeredAt = input.offeredAt ? new Date(input.offeredAt) : new Date();
    const talk = input.result === "answered" && input.talkMinutes !== undefined ? input.talkMinutes * 60 : null;
    const answered = input.result === "answered" || input.result === "transferred";
    let customerId = input.customerId ?? null;
    if (!customerId) {
      const found = await customersByPhone(tx, input.direction === "in" ? (input.fromNumber ?? null) : (input.toNumber ?? null));
      if (found.length === 1) customerId = found[0].id;
    }
    const ended = talk !== null ? new Date(offeredAt.getTime() + talk * 1000) : offeredAt;
    const { rows } = await tx.execute<{ id: number }>(sql`insert into calls (source, direction, queue, from_number, to_number, agent_id,
        offered_at, answered_at, ended_at, wait_seconds, talk_seconds, result, topic, notes, customer_id, callback_wanted)
      values ('manual', ${input.direction}, ${input.queue ?? null}, ${input.fromNumber ?? null}, ${input.toNumber ?? null},
        ${actor.kind === "user" ? actor.id : null}, ${offeredAt.toISOString()}, ${answered ? offeredAt.toISOString() : null}, ${ended.toISOString()},
        0, ${talk}, ${input.result}, ${input.topic ?? null}, ${input.notes ?? null}, ${customerId}, ${input.callbackWanted ?? false})
      returning id`);
    await recordEvent(tx, actor, "call", String(rows[0].id), "logged", { direction: input.direction, result: input.result });
    return rows[0].id;
  });
  return getCall(actor, id);
}

export async function updateCall(actor: Actor, id: number, patch: UpdateCallInput): Promise<CallView> {
  requirePermission(actor, "workCalls");
  await getCall(actor, id);
  await db.transaction(async (tx) => {
    if (patch.topic) await assertTopic(tx, patch.topic);
    const sets = [sql`updated_at = now()`];
    if (patch.topic !== undefined) sets.push(sql`topic = ${patch.topic}`);
    if (patch.notes !== undefined) sets.push(sql`notes = ${patch.notes}`);
    if (patch.customerId !== undefined) sets.push(sql`customer_id = ${patch.customerId}`);
    if (patch.callbackWanted !== undefined) sets.push(sql`callback_wanted = ${patch.callbackWanted}`);
    if (patch.ticketId !== undefined) sets.push(sql`ticket_id = ${patch.ticketId}`);
    if (patch.appointmentId !== undefined) sets.push(sql`appointment_id = ${patch.appointmentId}`);
    if (patch.complaintId !== undefined) sets.push(sql`complaint_id = ${patch.complaintId}`);
    const { rowCount } = await tx.execute(sql`update calls set ${sql.join(sets, sql`, `)} where id = ${id}`);
    if (!rowCount) throw notFound("Call");
    await recordEvent(tx, actor, "call", String(id), "updated", {
      changed: Object.keys(patch),
      topic: patch.topic,
      customerId: patch.customerId,
    });
  });
  return getCall(actor, id);
}

/**
 * "Bel terug": records the call-back of a missed call (the seed's "Praten werkt!") as an outbound call and
 * its outcome on the missed one. The conditional update makes a second agent's call-back a 409.
 */
export async function callBack(actor: Actor, id: number, input: { outcome: string; notes?: string; topic?: string }): Promise<CallView> {
  requirePermission(actor, "workCalls");
  const missed = await getCall(actor, id);
  const newId = await db.transaction(async (tx) => {
    await assertTopic(tx, input.topic);
    const upd = await tx.execute(sql`update calls set callback_outcome = ${input.outcome}, updated_at = now()
      where id = ${id} and callback_outcome is null and (result in ('abandoned','timeout','no_answer','busy') or callback_wanted)`);
    if (!upd.rowCount) throw conflict("already_called_back", "This call has been called back already, or was not missed");
    const reached = input.outcome === "reached";
    const { rows } = await tx.execute<{ id: number }>(sql`insert into calls (source, direction, queue, from_number, to_number, agent_id,
        offered_at, answered_at, ended_at, wait_seconds, result, topic, notes, customer_id, callback_of_id)
      values ('manual', 'out', ${missed.queue}, ${null}, ${missed.direction === "in" ? missed.fromNumber : missed.toNumber},
        ${actor.kind === "user" ? actor.id : null}, now(), ${reached ? sql`now()` : null}, now(), 0,
        ${reached ? "answered" : input.outcome === "wrong_number" ? "failed" : "no_answer"}, ${input.topic ?? null}, ${input.notes ?? null},
        ${missed.customerId}, ${id})
      returning id`);
    await recordEvent(tx, actor, "call", String(id), "called_back", { outcome: input.outcome, callbackCallId: rows[0].id });
    await recordEvent(tx, actor, "call", String(rows[0].id), "logged", { callbackOf: id, outcome: input.outcome });
    return rows[0].id;
  });
  return getCall(actor, newId);
}

/**
 * The screen pop's "new customer" for an unknown caller's number: the person is resolved by the customers
 * module's rule (lib/customers), so an email address or V-number that is already known links the call to that
 * person instead of making a second row (before, a known email failed on the unique index); otherwise a new
 * customer with the caller's number.
 */
export async function createCustomerForCall(actor: Actor, id: number, input: { name: string; email?: string; vNumber?: string }) {
  requirePermission(actor, "workCalls");
  const call = await getCall(actor, id);
  return db.transaction(async (tx) => {
    const phone = call.direction === "in" ? call.fromNumber : call.toNumber;
    // The agent asked for a new person: one is made even when the number is withheld or too short to match by.
    const customer = await resolveCustomer(
      tx,
      { name: input.name, email: input.email, phone, vNumber: input.vNumber },
      { createWithoutIdentifier: true },
    );
    if (!customer) throw new Error("resolveCustomer made no customer"); // never: createWithoutIdentifier
    await tx.execute(sql`update calls set customer_id = ${customer.id}, updated_at = now() where id = ${id}`);
    if (customer.created) await recordEvent(tx, actor, "customer", customer.id, "created", { fromCall: id });
    await recordEvent(tx, actor, "call", String(id), "updated", { customerId: customer.id });
    return { id: customer.id };
  });
}

/** "Create a ticket from a call": the tickets capability makes it (channel phone); the call links to it. */
export async function createTicketFromCall(actor: Actor, id: number, input: { subject: string; body: string }) {
  requirePermission(actor, "workCalls");
  const call = await getCall(actor, id);
  let ticket: { number: number };
  try {
    ticket = await createPhoneTicket(actor, {
      customerId: call.customerId,
      subject: input.subject,
      // A ticket always has a first message: the agent's text, else what the call log knows.
      body:
        input.body.trim() ||
        [
          `${call.direction === "in" ? "Inbound" : "Outbound"} call ${(call.direction === "in" ? call.fromNumber : call.toNumber) ?? ""} at ${call.offeredAt}`,
          call.notes ?? "",
        ]
          .filter(Boolean)
          .join("\n"),
      queue: call.queue ?? "frontdesk",
      callId: call.id,
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && /not merged/.test(err.message))
      throw new AppError(503, "tickets_unavailable", "Tickets are not available yet");
    throw err;
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`update calls set ticket_id = ${ticket.number}, updated_at = now() where id = ${id}`);
    await recordEvent(tx, actor, "call", String(id), "ticket_created", { ticket: ticket.number });
  });
  return { ticket: ticket.number, call: await getCall(actor, id) };
}

export { SYSTEM };

export async function callMeta(actor: Actor) {
  requirePermission(actor, "workCalls");
  const [topics, agents] = await Promise.all([
    callTopicList(),
    db.execute<{ id: string; name: string; extension: string | null }>(
      sql`select id, name, extension from users where active and role in ('frontdesk','backoffice','supervisor','admin') order by name`,
    ),
  ]);
  return { topics, agents: agents.rows, queues: queuesFor(actor.role), me: actor.kind === "user" ? actor.id : null };
}
