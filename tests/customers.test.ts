import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { customersWithPhone, normalizePhone, resolveCustomer, type CustomerContact } from "@/lib/customers";

/**
 * The customers module (issue 13): one resolve/match function with one rule per identifier, used by tickets,
 * calls, appointments and complaints, and the SQL phone rule the CTI webhook matches callers with.
 */
afterAll(async () => closeDb());

const uid = () => crypto.randomBytes(4).toString("hex");
/** A Dutch mobile number no other test uses, and its forms. */
function mobile() {
  const d = String(10000000 + crypto.randomInt(89999999));
  return { national: `06${d}`, international: `+31 6 ${d.slice(0, 4)} ${d.slice(4)}`, zeros: `0031-6-${d}` };
}
const resolveOrNull = (contact: CustomerContact) => db.transaction((tx) => resolveCustomer(tx, contact));
/** Resolves a contact that has an identifier: a person always comes back. */
async function resolve(contact: CustomerContact) {
  const c = await resolveOrNull(contact);
  if (!c) throw new Error("no customer for a contact with an identifier");
  return c;
}
const row = async (id: string) =>
  (
    await db.execute<{ name: string | null; email: string | null; phone: string | null; v_number: string | null }>(
      sql`select name, email, phone, v_number from customers where id = ${id}`,
    )
  ).rows[0];

describe("resolveCustomer: one matching rule per identifier", () => {
  it("email: one person per address, whatever its case; missing details are filled in, known ones kept", async () => {
    const email = `Maria.${uid()}@Example.org`;
    const first = await resolve({ email, language: "en" });
    expect(first).toMatchObject({ created: true, name: null, language: "en" });
    const again = await resolve({ email: ` ${email.toLowerCase()} `, name: "Maria Santos", phone: "0612345678", vNumber: "12 3456 7890" });
    expect(again).toMatchObject({ id: first.id, created: false, name: "Maria Santos", language: "en" });
    await resolve({ email, name: "Someone Else" });
    expect(await row(first.id)).toEqual({ name: "Maria Santos", email, phone: "0612345678", v_number: "1234567890" });
  });

  it("V-number without an email: the person with that V-number, however it is written", async () => {
    const v = String(1000000000 + crypto.randomInt(899999999));
    const first = await resolve({ name: "Ali Kaya", vNumber: v });
    expect(first.created).toBe(true);
    const again = await resolve({ name: "A. Kaya", vNumber: `${v.slice(0, 2)} ${v.slice(2, 6)} ${v.slice(6)}` });
    expect(again).toMatchObject({ id: first.id, created: false });
  });

  it("phone without email or V-number: the one person with that number, in any notation", async () => {
    const n = mobile();
    const first = await resolve({ name: "Sanne Bos", phone: n.international });
    const byNational = await resolve({ name: "sanne  bos", phone: n.national });
    const byZeros = await resolve({ phone: n.zeros });
    expect(byNational.id).toBe(first.id);
    expect(byZeros.id).toBe(first.id);
  });

  it("phone: a shared number is never guessed, and another name or V-number on it is another person", async () => {
    const n = mobile();
    const mother = await resolve({ name: "Eva de Boer", phone: n.national });
    const son = await resolve({ name: "Tim de Boer", phone: n.national });
    expect(son.id).not.toBe(mother.id);
    // Two people have the number now: a contact without a name matches neither.
    const unnamed = await resolve({ phone: n.international });
    expect([mother.id, son.id]).not.toContain(unnamed.id);
    expect(unnamed.created).toBe(true);

    const m = mobile();
    const withV = await resolve({ name: "Jan Smit", phone: m.national, vNumber: "1111111111" });
    const otherV = await resolve({ name: "Jan Smit", phone: m.national, vNumber: "2222222222" });
    expect(otherV.id).not.toBe(withV.id);
  });

  it("no identifier: nothing to link, unless a new person is asked for explicitly", async () => {
    expect(await resolveOrNull({ name: "Only A Name" })).toBeNull();
    expect(await resolveOrNull({ name: "Short", phone: "201" })).toBeNull();
    // An agent's "new customer" for a caller whose number is withheld.
    const made = await db.transaction((tx) => resolveCustomer(tx, { name: "Anoniem" }, { createWithoutIdentifier: true }));
    expect(made).toMatchObject({ created: true, name: "Anoniem" });
  });

  it("concurrent first contacts of one person by phone make one row", async () => {
    const n = mobile();
    const results = await Promise.all(Array.from({ length: 6 }, () => resolve({ name: "Parallel Person", phone: n.national })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("concurrent first contacts of one person by email make one row", async () => {
    const email = `race.${uid()}@example.org`;
    const results = await Promise.all(Array.from({ length: 6 }, () => resolve({ email })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
  });
});

describe("the SQL phone rule", () => {
  it("customers_normalize_phone normalises exactly as normalizePhone does (the CTI webhook matches callers in SQL)", async () => {
    const samples = [
      "+31 6 1234 5678",
      "0031612345678",
      "06-12345678",
      "(020) 123 45 67",
      "+44 20 7946 0000",
      "0044 20 7946 0000",
      "31612",
      "3161234567",
      "31612345678",
      "00",
      "0",
      "",
      "abc",
      "201",
      "+1 (555) 010-9999",
      "0900 1234561",
      "+31 (0)20 1234567",
    ];
    const { rows } = await db.execute<{ n: string | null }>(
      sql`select customers_normalize_phone(raw) as n from jsonb_array_elements_text(${JSON.stringify(samples)}::jsonb) with ordinality x(raw, i) order by i`,
    );
    expect(rows.map((r) => r.n)).toEqual(samples.map((x) => normalizePhone(x)));
  });

  it("customersWithPhone finds a person by any notation of their number", async () => {
    const n = mobile();
    const person = await resolve({ name: "Lina Vos", phone: n.zeros });
    expect((await customersWithPhone(db, n.international)).map((c) => c.id)).toEqual([person.id]);
    expect(await customersWithPhone(db, "201")).toEqual([]);
  });
});
