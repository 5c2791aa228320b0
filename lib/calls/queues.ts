// No "server-only" marker here or in cti-ingest.ts: the CTI webhook's Pages API route imports them, and the
// Pages Router refuses that marker. They open database connections, so no client code can use them anyway.
import { sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { CALL_QUEUES } from "@/db/schema/calls";
import { normalizePhone } from "@/lib/customers";

export type Queue = (typeof CALL_QUEUES)[number];

// ---- Queue mapping -------------------------------------------------------------------------------------

export type QueueMap = { numbers: Map<string, Queue>; names: Map<string, Queue> };

// The mapping changes rarely and is read on every CTI event: keep it a few seconds per instance. On
// globalThis, as the pool is (db/client.ts): the App Router (admin, which forgets it on a change) and the
// Pages API route (the webhook, which reads it) are separate bundles with their own copies of this module.
const QUEUE_MAP_TTL_MS = 5000;
const g = globalThis as unknown as { __kicQueueMap?: { at: number; map: QueueMap } | null };

/** `tx`: inside a transaction, read with it — taking a second pool connection there can deadlock the pool. */
export async function cachedQueueMap(tx: DbOrTx = db): Promise<QueueMap> {
  const cached = g.__kicQueueMap;
  if (cached && Date.now() - cached.at < QUEUE_MAP_TTL_MS) return cached.map;
  const map = await loadQueueMap(tx);
  g.__kicQueueMap = { at: Date.now(), map };
  return map;
}

export function forgetQueueMap() {
  g.__kicQueueMap = null;
}

export async function loadQueueMap(tx: DbOrTx = db): Promise<QueueMap> {
  const { rows } = await tx.execute<{ kind: string; pattern: string; queue: Queue }>(
    sql`select kind, pattern, queue from call_queue_mappings`,
  );
  const map: QueueMap = { numbers: new Map(), names: new Map() };
  for (const r of rows) {
    if (r.kind === "number") map.numbers.set(normalizePhone(r.pattern) ?? r.pattern, r.queue);
    else map.names.set(r.pattern.toLowerCase(), r.queue);
  }
  return map;
}

/** The queue of a call: by the telephone system's queue name, else by the number dialled. */
export function queueFor(map: QueueMap, opts: { queueName?: string | null; dialled?: string | null }): Queue | null {
  if (opts.queueName) {
    const q = map.names.get(opts.queueName.toLowerCase());
    if (q) return q;
    if ((CALL_QUEUES as readonly string[]).includes(opts.queueName)) return opts.queueName as Queue;
  }
  const n = normalizePhone(opts.dialled);
  return (n && map.numbers.get(n)) || null;
}
