import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { requirePermission } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/roles";
import { appUrl, env } from "@/lib/env";
import { recordEvent } from "@/lib/platform/events";
import { normalizePhone } from "@/lib/customers";
import { ctiToken } from "./cti-ingest";
import { forgetQueueMap } from "./queues";

/** What the admin's telephony page shows: the webhook URL with its token, the queue mapping, topics, extensions. */
export async function ctiAdmin(actor: Actor) {
  requirePermission(actor, "administer");
  const token = await ctiToken();
  const [mappings, topics, agents] = await Promise.all([
    db.execute<{ kind: string; pattern: string; queue: string }>(
      sql`select kind, pattern, queue from call_queue_mappings order by kind, pattern`,
    ),
    db.execute<{ key: string; labelNl: string; labelEn: string; active: boolean }>(
      sql`select key, label_nl as "labelNl", label_en as "labelEn", active from call_topics order by position, key`,
    ),
    db.execute<{ id: string; name: string; email: string; role: string; extension: string | null }>(
      sql`select id, name, email, role, extension from users where active order by name`,
    ),
  ]);
  return {
    token,
    tokenFromEnv: !!env().CTI_TOKEN,
    webhookUrl: `${appUrl()}/api/v1/cti/${token}`,
    mappings: mappings.rows,
    topics: topics.rows,
    agents: agents.rows,
  };
}

/** Replaces the whole mapping (the page edits it as one list). Numbers are kept as digits only. */
export async function saveQueueMappings(actor: Actor, mappings: { kind: "number" | "queue_name"; pattern: string; queue: string }[]) {
  requirePermission(actor, "administer");
  const rows = mappings.map((m) => ({
    ...m,
    pattern: m.kind === "number" ? (normalizePhone(m.pattern) ?? m.pattern) : m.pattern.toLowerCase(),
  }));
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from call_queue_mappings`);
    for (const m of rows)
      await tx.execute(sql`insert into call_queue_mappings (kind, pattern, queue) values (${m.kind}, ${m.pattern}, ${m.queue})
        on conflict (kind, pattern) do update set queue = excluded.queue`);
    await recordEvent(tx, actor, "call_settings", "queue_mappings", "updated", { count: rows.length });
  });
  forgetQueueMap();
}

/** Upserts the topic list in the given order; topics left out become inactive (old calls keep them). */
export async function saveTopics(actor: Actor, topics: { key: string; labelNl: string; labelEn: string; active: boolean }[]) {
  requirePermission(actor, "administer");
  await db.transaction(async (tx) => {
    let position = 1;
    for (const t of topics)
      await tx.execute(sql`insert into call_topics (key, label_nl, label_en, position, active)
        values (${t.key}, ${t.labelNl}, ${t.labelEn}, ${position++}, ${t.active})
        on conflict (key) do update set label_nl = excluded.label_nl, label_en = excluded.label_en, position = excluded.position, active = excluded.active`);
    const keys = `{${topics.map((t) => t.key).join(",")}}`;
    await tx.execute(sql`update call_topics set active = false where not (key = any(${keys}::text[]))`);
    await recordEvent(tx, actor, "call_settings", "topics", "updated", { count: topics.length });
  });
}
