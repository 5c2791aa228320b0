import "server-only";
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/roles";
import { readAuditRow, type ReadAudit } from "./audit-row";

export type { ReadAudit } from "./audit-row";

/**
 * The access log (spec 00: "reading a person's data by an agent is audit-logged"; AVG art. 5(2), 32): one
 * event row per request that shows personal data to an agent or an API key — who, when, which records
 * (the ids the answer showed, or the id of the one record), whose data (customer ids), why (`purpose`), and
 * for a search the filters and a keyed digest of the search term. The row holds no personal data itself.
 *
 * One insert per request, awaited: when the log cannot be written the read fails (fail closed).
 * Screens that poll (inbox, ticket view, screen pop, tracker) pass `dedupeMinutes`: the same actor seeing
 * the same records again within that window adds no row (a conditional insert, not a check-then-write).
 *
 * Every read of personal data goes through this one function (lib/<capability>/ services call it); find the
 * rows with `select * from events where action = 'read'`, a person's with `data->'customers' ? '<id>'`.
 */
export async function auditRead(actor: Actor, audit: ReadAudit, q: DbOrTx = db): Promise<void> {
  const search = audit.search?.trim() ? await searchDigest(audit.search) : undefined;
  const row = readAuditRow(actor, audit, search);
  const insert = sql`insert into events (actor_id, actor_label, entity_type, entity_id, action, data)
    select ${row.actorId}::uuid, ${row.actorLabel}, ${row.entityType}, ${row.entityId}, 'read', ${JSON.stringify(row.data)}::jsonb`;
  if (!audit.dedupeMinutes) {
    await q.execute(insert);
    return;
  }
  await q.execute(sql`${insert}
    where not exists (
      select 1 from events where entity_type = ${row.entityType} and entity_id = ${row.entityId} and action = 'read'
        and actor_label = ${row.actorLabel} and actor_id is not distinct from ${row.actorId}::uuid
        and at > now() - make_interval(mins => ${audit.dedupeMinutes}))`);
}

// ---- Search terms ------------------------------------------------------------------------------------------

let auditKey: Promise<Buffer> | undefined;

/**
 * The key of the search-term digests: random, generated once and kept in settings (`privacy.audit_key`), so
 * every instance digests alike and an events export (to a SIEM, a backup) does not reveal what was searched.
 * With database access an auditor can still answer "who searched for this person": digest the term the same
 * way (`searchDigest`) and look for it.
 */
function key(): Promise<Buffer> {
  auditKey ??= (async () => {
    const fresh = crypto.randomBytes(32).toString("hex");
    await db.execute(
      sql`insert into settings (key, value) values ('privacy.audit_key', to_jsonb(${fresh}::text)) on conflict (key) do nothing`,
    );
    const { rows } = await db.execute<{ k: string }>(sql`select value #>> '{}' as k from settings where key = 'privacy.audit_key'`);
    return Buffer.from(rows[0].k, "hex");
  })().catch((e) => {
    auditKey = undefined;
    throw e;
  });
  return auditKey;
}

/** HMAC-SHA256 of a search term (trimmed, lower case, inner spaces collapsed), hex, first 32 characters. */
export async function searchDigest(term: string): Promise<string> {
  const normal = term.trim().toLowerCase().replace(/\s+/g, " ");
  return crypto
    .createHmac("sha256", await key())
    .update(normal)
    .digest("hex")
    .slice(0, 32);
}
