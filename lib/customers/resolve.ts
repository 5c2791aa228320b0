// No "server-only" marker: the CTI webhook's Pages API route reaches this module through lib/customers/index.ts.
import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { matchablePhone, normalizeEmail, normalizeVNumber } from "./identifiers";

/** What a capability knows about a person when it meets them: any of the identifiers, and a name. */
export type CustomerContact = {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  vNumber?: string | null;
  /** The language of a new row (an existing person keeps theirs). */
  language?: "nl" | "en";
};

export type ResolvedCustomer = { id: string; name: string | null; language: "nl" | "en"; created: boolean };

export type CustomerRow = { id: string; name: string | null; email: string | null; phone: string | null; vNumber: string | null };

/**
 * The person these details belong to, found or created: the one way any capability writes the `customers` table
 * (issue 13). The matching rule, one per identifier (lib/customers/identifiers.ts):
 * 1. An email address identifies a person on its own (unique on lower(email)): that row, created on first
 *    contact; details it lacks (name, phone, V-number) are filled in, nothing it has is overwritten.
 * 2. Without an email, a V-number identifies a person: the oldest row with that V-number.
 * 3. Else a phone number, but only when exactly one person has it (normalised as the CTI webhook matches callers,
 *    customers_with_phone): a shared number (a family, an office) is never guessed — a new row is made instead,
 *    and the call screen lets the agent pick. A phone is a weak identifier, so a match whose row carries another
 *    V-number or another name (both known, compared without case and extra spaces) is another person.
 * 4. No identifier: null (nothing to link) — unless the caller asks for a new person anyway
 *    (`createWithoutIdentifier`: an agent's explicit "new customer" for a caller whose number is withheld).
 * Without the unique key of an email the find-then-create is serialised per identifier by transaction-level
 * advisory locks, so two concurrent first contacts of one person make one row: call it inside the transaction
 * that links the record to the person.
 */
export async function resolveCustomer(
  tx: Tx,
  contact: CustomerContact,
  opts: { createWithoutIdentifier?: boolean } = {},
): Promise<ResolvedCustomer | null> {
  const email = normalizeEmail(contact.email);
  const vNumber = normalizeVNumber(contact.vNumber);
  const phone = matchablePhone(contact.phone);
  const name = contact.name?.trim() || null;
  const language = contact.language ?? "nl";
  if (email) {
    const { rows } = await tx.execute<ResolvedCustomer>(sql`
      insert into customers (name, email, phone, v_number, language)
      values (${name}, ${contact.email?.trim()}, ${contact.phone?.trim() || null}, ${vNumber}, ${language})
      on conflict (lower(email)) where email is not null
      do update set name = coalesce(customers.name, excluded.name), phone = coalesce(customers.phone, excluded.phone),
        v_number = coalesce(customers.v_number, excluded.v_number)
      returning id, name, language, (xmax = 0) as created`);
    return rows[0];
  }
  if (!vNumber && !phone) {
    if (!opts.createWithoutIdentifier) return null;
    const { rows } = await tx.execute<{ id: string }>(sql`
      insert into customers (name, phone, language) values (${name}, ${contact.phone?.trim() || null}, ${language}) returning id`);
    return { id: rows[0].id, name, language, created: true };
  }
  // In a fixed order, so two transactions never wait on each other crosswise.
  for (const key of [vNumber && `v:${vNumber}`, phone && `p:${phone}`].filter(Boolean).sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`customers:${key}`}, 0))`);
  }
  const { rows } = await tx.execute<{ id: string; name: string | null; language: "nl" | "en" }>(sql`
    with by_v as (
      select id, name, language from customers where ${vNumber}::text is not null and v_number = ${vNumber} order by created_at limit 1
    ), by_phone as (
      select c.id, c.name, c.language, c.v_number from customers c where c.id in (select customers_with_phone(${phone}))
    )
    select id, name, language from by_v
    union all
    select id, name, language from by_phone
    where not exists (select 1 from by_v) and (select count(*) from by_phone) = 1
      and (v_number is null or ${vNumber}::text is null or v_number = ${vNumber})
      and (name is null or ${name}::text is null or lower(regexp_replace(trim(name), '[[:space:]]+', ' ', 'g')) = lower(regexp_replace(${name}, '[[:space:]]+', ' ', 'g')))
    limit 1`);
  const found = rows[0];
  if (found) {
    await tx.execute(sql`update customers set name = coalesce(name, ${name}), v_number = coalesce(v_number, ${vNumber}),
      phone = coalesce(phone, ${contact.phone?.trim() || null}) where id = ${found.id}
      and (name is null or v_number is null or phone is null)`);
    return { ...found, name: found.name ?? name, created: false };
  }
  const created = await tx.execute<{ id: string }>(sql`
    insert into customers (name, phone, v_number, language) values (${name}, ${contact.phone?.trim() || null}, ${vNumber}, ${language})
    returning id`);
  return { id: created.rows[0].id, name, language, created: true };
}

/** The people whose phone is this number, however it was written (+31 6…, 06…, 0031 6…), oldest first. */
export async function customersWithPhone(q: DbOrTx, phone: string | null | undefined): Promise<CustomerRow[]> {
  const n = matchablePhone(phone);
  if (!n) return [];
  const { rows } = await q.execute<CustomerRow>(sql`
    select id, name, email, phone, v_number as "vNumber" from customers
    where id in (select customers_with_phone(${n})) order by created_at`);
  return rows;
}

export async function customerById(q: DbOrTx, id: string): Promise<CustomerRow | null> {
  const { rows } = await q.execute<CustomerRow>(sql`select id, name, email, phone, v_number as "vNumber" from customers where id = ${id}`);
  return rows[0] ?? null;
}

/**
 * The SQL expression the CTI webhook's single write statement uses to link a caller (lib/calls/cti-ingest.ts):
 * the one customer with the number in parameter `$param` (normalised with `matchablePhone`), else null — the
 * same phone rule as resolveCustomer, kept inside that one statement for the webhook's speed.
 */
export const callerByPhoneSql = (param: string) =>
  `(select (array_agg(m))[1] from customers_with_phone(${param}::text) m having count(*) = 1)`;
