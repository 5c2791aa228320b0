import "server-only";
import { sql } from "drizzle-orm";
import { db, pool } from "@/db/client";
import { requirePermission } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/roles";
import { recordEvent, type EventActor } from "@/lib/platform/events";
import { linesOf, parseQueueLogLine, QueueLogFolder, type QueueLogCall } from "./queue-log";
import { loadQueueMap, queueFor, type QueueMap } from "./queues";

export type ImportResult = {
  linesRead: number;
  callsCreated: number;
  callsUpdated: number;
  linesRejected: number;
  rejected: { line: number; reason: string }[];
};

const BATCH = 5000;
const MAX_REJECTED_LISTED = 100;

/**
 * One batch of calls, merged into `calls` with a single INSERT … ON CONFLICT DO UPDATE over unnest()ed
 * arrays (ordinary row writes, so the dashboards' triggers see each change). The merge only fills in what
 * the stored row lacks — an open call gets its end from a later file — and its WHERE makes a re-import
 * of the same lines a no-op: nothing updated, nothing counted.
 */
const UPSERT = `
insert into calls as c (source, external_id, queue, direction, from_number, agent_id, agent_label, offered_at, answered_at,
                        ended_at, wait_seconds, talk_seconds, result)
select 'queue_log', x.external_id, x.queue, 'in', x.from_number, x.agent_id, x.agent_label, x.offered_at, x.answered_at,
       x.ended_at, x.wait_seconds, x.talk_seconds, x.result
from unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[],
            $9::int[], $10::int[], $11::text[])
  as x(external_id, queue, from_number, agent_id, agent_label, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, result)
on conflict (source, external_id) do update set
  offered_at = least(c.offered_at, excluded.offered_at),
  answered_at = coalesce(c.answered_at, excluded.answered_at),
  ended_at = coalesce(c.ended_at, excluded.ended_at),
  wait_seconds = coalesce(c.wait_seconds, excluded.wait_seconds),
  talk_seconds = coalesce(c.talk_seconds, excluded.talk_seconds),
  result = coalesce(c.result, excluded.result),
  from_number = coalesce(c.from_number, excluded.from_number),
  agent_id = coalesce(c.agent_id, excluded.agent_id),
  agent_label = coalesce(c.agent_label, excluded.agent_label),
  queue = coalesce(c.queue, excluded.queue),
  updated_at = now()
where excluded.offered_at < c.offered_at
   or (c.answered_at is null and excluded.answered_at is not null)
   or (c.ended_at is null and excluded.ended_at is not null)
   or (c.wait_seconds is null and excluded.wait_seconds is not null)
   or (c.talk_seconds is null and excluded.talk_seconds is not null)
   or (c.result is null and excluded.result is not null)
   or (c.from_number is null and excluded.from_number is not null)
   or (c.agent_label is null and excluded.agent_label is not null)
returning (xmax = 0) as inserted`;

/** The extension in an Asterisk agent channel: SIP/201, PJSIP/201-0000001a, Local/201@from-queue/n, Agent/201. */
export const extensionOf = (agent: string | null) => agent?.match(/^[A-Za-z]+\/(\d{2,8})(?:\D|$)/)?.[1] ?? null;

async function agentsByExtension(): Promise<Map<string, string>> {
  const { rows } = await db.execute<{ extension: string; id: string }>(sql`select extension, id from users where extension is not null`);
  return new Map(rows.map((r) => [r.extension, r.id]));
}

async function upsertBatch(
  calls: QueueLogCall[],
  queues: QueueMap,
  agents: Map<string, string>,
): Promise<{ created: number; updated: number }> {
  if (!calls.length) return { created: 0, updated: 0 };
  const cols: unknown[][] = Array.from({ length: 11 }, () => []);
  for (const c of calls) {
    const ext = extensionOf(c.agent);
    cols[0].push(c.externalId);
    cols[1].push(queueFor(queues, { queueName: c.queueName }));
    cols[2].push(c.fromNumber);
    cols[3].push(ext ? (agents.get(ext) ?? null) : null);
    cols[4].push(c.agent);
    cols[5].push(c.offeredAt.toISOString());
    cols[6].push(c.answeredAt?.toISOString() ?? null);
    cols[7].push(c.endedAt?.toISOString() ?? null);
    cols[8].push(c.waitSeconds);
    cols[9].push(c.talkSeconds);
    cols[10].push(c.result);
  }
  const { rows } = await pool().query<{ inserted: boolean }>(UPSERT, cols);
  let created = 0;
  for (const r of rows) if (r.inserted) created++;
  return { created, updated: rows.length - created };
}

/**
 * Imports an Asterisk queue_log from a byte stream (spec 03). Streams: lines are read, folded and written
 * in batches, so memory holds one batch and the calls in progress, whatever the size of the file. Bad
 * lines are reported by number (the first 100) and skipped; everything else is imported.
 */
export async function importQueueLog(
  actor: Actor | EventActor,
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<ImportResult> {
  if (actor.kind !== "system") requirePermission(actor as Actor, "importData");
  const [queues, agents] = await Promise.all([loadQueueMap(), agentsByExtension()]);
  const folder = new QueueLogFolder();
  const result: ImportResult = { linesRead: 0, callsCreated: 0, callsUpdated: 0, linesRejected: 0, rejected: [] };
  // One batch per key: a call appears at most once per statement (ON CONFLICT may touch a row only once).
  let batch = new Map<string, QueueLogCall>();
  let pending: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const flush = async () => {
    const calls = [...batch.values()];
    batch = new Map();
    // Write one batch while the next is parsed; at most one write in flight keeps memory bounded.
    await pending;
    if (failure) throw failure;
    pending = upsertBatch(calls, queues, agents).then(
      (r) => {
        result.callsCreated += r.created;
        result.callsUpdated += r.updated;
      },
      (err) => {
        failure = err;
      },
    );
  };
  const add = async (c: QueueLogCall) => {
    const prev = batch.get(c.externalId);
    if (prev) {
      // The same uniqueid+queue twice in one file: keep the earliest start and the known end.
      batch.set(c.externalId, { ...c, offeredAt: prev.offeredAt < c.offeredAt ? prev.offeredAt : c.offeredAt });
    } else batch.set(c.externalId, c);
    if (batch.size >= BATCH) await flush();
  };
  for await (const line of linesOf(body)) {
    result.linesRead++;
    const p = parseQueueLogLine(line);
    if (p.kind === "skip") continue;
    if (p.kind === "error") {
      result.linesRejected++;
      if (result.rejected.length < MAX_REJECTED_LISTED) result.rejected.push({ line: result.linesRead, reason: p.reason });
      continue;
    }
    const done = folder.add(p.event);
    if (done) await add(done);
  }
  for (const c of folder.drainOpen()) await add(c);
  await flush();
  await pending;
  if (failure) throw failure;
  await db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      id: string;
    }>(sql`insert into call_imports (format, imported_by, finished_at, lines_read, calls_created,
        calls_updated, lines_rejected)
      values ('asterisk-queue-log', ${actor.kind === "user" ? actor.id : null}, now(), ${result.linesRead}, ${result.callsCreated},
        ${result.callsUpdated}, ${result.linesRejected}) returning id`);
    await recordEvent(tx, actor as EventActor, "call_import", rows[0].id, "imported", { ...result, rejected: undefined });
  });
  return result;
}
