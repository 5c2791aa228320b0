import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { addDays } from "@/lib/calendar/dates";
import { todayIn } from "@/lib/calendar/time";
import { reference } from "./config";
import { hashToken, newReference, newToken } from "./service";
import { slotsOnDay } from "./slots";

const FIRST = [
  "Sara",
  "Mohammed",
  "Anna",
  "Wei",
  "Olena",
  "Ahmed",
  "Maria",
  "Ravi",
  "Fatma",
  "João",
  "Elif",
  "Tomasz",
  "Amina",
  "Lucas",
  "Priya",
  "Yusuf",
];
const LAST = [
  "Kowalski",
  "Haddad",
  "Chen",
  "Petrenko",
  "Silva",
  "Yilmaz",
  "Garcia",
  "Patel",
  "Nguyen",
  "Okafor",
  "Novak",
  "Rahman",
  "Santos",
  "Ivanova",
];

/** A small deterministic PRNG, so the demo looks the same on every fresh start. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/**
 * Demo data of the appointments capability, seeded once on an empty database (db/seed.ts): bookings over
 * the coming four weeks at every desk, the last two weeks with check-ins, completions and no-shows (so the
 * desk figures are alive), and the closure of the seed story (Amsterdam moved on 23 October 2012).
 */
export async function seedDemo(): Promise<void> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from appointments`);
  if (rows[0].n > 0) return;
  const { desks } = await reference({ fresh: true });
  const rand = rng(20261128);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = new Date();
  const slotRows: { id: string; desk: string; start: string; end: string; date: string; places: number; taken: number }[] = [];
  const appts: unknown[][] = [];
  let n = 0;
  for (const d of desks.values()) {
    const today = todayIn(d.timeZone, now);
    for (let offset = -14; offset <= 28; offset++) {
      const date = addDays(today, offset);
      const share = offset < 0 ? 0.55 : Math.max(0.08, 0.7 - offset * 0.025); // fuller soon, emptier later
      for (const s of slotsOnDay(d, date)) {
        if (offset === 0 && s.start > now) continue; // today is not bookable with the default notice
        let taken = 0;
        let any = false;
        while (taken < s.places && rand() < share) {
          const persons = Math.min(s.places - taken, rand() < 0.7 ? 1 : rand() < 0.7 ? 2 : 3);
          taken += persons;
          any = true;
          n++;
          const people = Array.from({ length: persons }, (_, i) => ({
            name: `${pick(FIRST)} ${i === 0 ? pick(LAST) : pick(LAST)}`,
            vNumber: rand() < 0.6 ? String(1000000000 + Math.floor(rand() * 8999999999)) : null,
          }));
          const past = s.end <= now;
          const status = past
            ? rand() < 0.12
              ? "no_show"
              : rand() < 0.85
                ? "completed"
                : "checked_in"
            : rand() < 0.05
              ? "cancelled"
              : "booked";
          if (status === "cancelled") taken -= persons;
          const lang = rand() < 0.35 ? "en" : "nl";
          appts.push([
            newReference(d.code),
            s.id,
            d.code,
            pick(d.products),
            s.start.toISOString(),
            s.end.toISOString(),
            date,
            persons,
            JSON.stringify(people),
            `demo.afspraak.${n}@example.com`,
            rand() < 0.5 ? `+31 6 ${String(10000000 + n).slice(0, 8)}` : null,
            lang,
            status,
            hashToken(newToken()),
          ]);
        }
        if (any || offset < 0)
          slotRows.push({ id: s.id, desk: d.code, start: s.start.toISOString(), end: s.end.toISOString(), date, places: s.places, taken });
      }
    }
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < slotRows.length; i += 500) {
      const chunk = slotRows.slice(i, i + 500);
      await tx.execute(sql`
        insert into appointment_slots (id, desk_code, starts_at, ends_at, local_date, places, taken)
        select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          as x(id text, desk text, start timestamptz, "end" timestamptz, date date, places int, taken int)
        on conflict (id) do nothing`);
    }
    for (let i = 0; i < appts.length; i += 500) {
      const chunk = appts.slice(i, i + 500).map((a) => Object.fromEntries(a.map((v, k) => [`c${k}`, v])));
      await tx.execute(sql`
        insert into appointments (reference, slot_id, desk_code, product_key, starts_at, ends_at, local_date, persons, person_list,
          email, phone, language, status, token_hash, checked_in_at, completed_at, cancelled_at, reminder_sent_at)
        select c0, c1, c2, c3, c4, c5, c6, c7, c8::jsonb, c9, c10, c11, c12, c13,
          case when c12 in ('checked_in','completed') then c4 end,
          case when c12 = 'completed' then c5 end,
          case when c12 = 'cancelled' then now() end,
          case when c4 < now() then c4 - interval '1 day' end
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          as x(c0 text, c1 text, c2 text, c3 text, c4 timestamptz, c5 timestamptz, c6 date, c7 int, c8 text, c9 text, c10 text, c11 text, c12 text, c13 text)
        on conflict do nothing`);
    }
    // Link the bookings to customers by email (the shared customers table of spec 00).
    await tx.execute(sql`
      insert into customers (name, email, phone, language)
      select person_list->0->>'name', email, phone, language from appointments where email like 'demo.afspraak.%' and customer_id is null
      on conflict (lower(email)) where email is not null do nothing`);
    await tx.execute(
      sql`update appointments a set customer_id = c.id from customers c where lower(c.email) = lower(a.email) and a.customer_id is null`,
    );
    await tx.execute(sql`
      insert into desk_closures (desk_code, from_date, to_date, reason)
      select 'AM', '2012-10-23', '2012-10-23', 'Verhuizing van het loket naar de Stekkenbergweg'
      where exists (select 1 from desks where code = 'AM')`);
  });
}
