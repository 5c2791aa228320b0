import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { addDays, eachDay, isWeekend, weekday } from "@/lib/calendar/dates";
import { holidaySet } from "@/lib/calendar/holidays";
import { NL_TZ, todayIn } from "@/lib/calendar/time";

/**
 * Demo data of the calls capability (spec 03): a year of history at the seed's volumes — ~2,200 calls a
 * working day at the frontdesk, ~450 in the backoffice and ~450 on the partner line (~785k rows, ~22 s on
 * 2 cores with the dashboards' triggers; index upkeep is most of it), reachability near
 * 89%, waits and talk times with long tails, more calls in the morning and on Mondays — made by one
 * set-based INSERT … SELECT over generate_series (ordinary inserts: the dashboards' triggers see them),
 * plus today's calls so far and a few missed calls and callers known by phone for the call screen.
 * Skips itself when the table has rows.
 */
export async function seedDemo(now: Date = new Date()): Promise<void> {
  const { rows } = await db.execute<{ any: boolean }>(sql`select exists(select 1 from calls) as any`);
  if (rows[0].any) return;
  const today = todayIn(NL_TZ, now);
  const from = addDays(today, -365);
  const holidays = holidaySet("NL", Number(from.slice(0, 4)), Number(today.slice(0, 4)));
  const days: string[] = [];
  const factors: number[] = [];
  for (const d of eachDay(from, today)) {
    if (isWeekend(d) || holidays.has(d)) continue;
    days.push(d);
    // Monday is the busiest day at a call centre, Friday the quietest.
    factors.push([1, 1.2, 1.05, 1, 0.95, 0.85, 1][weekday(d)]);
  }
  const arr = (xs: (string | number)[]) => `{${xs.join(",")}}`;
  await db.execute(sql`
    with d as (
      select day::date as day, f from unnest(${arr(days)}::date[], ${arr(factors)}::float8[]) as t(day, f)
    ), q(queue, n, reach, since) as (
      values ('frontdesk', 2200, 0.875, ${from}::date), ('backoffice', 450, 0.92, ${from}::date), ('partners', 450, 0.93, ${from}::date)
    ), g as (
      select d.day, q.queue, q.reach, s
      from d cross join q cross join lateral generate_series(1, round(q.n * d.f)::int) s
      where d.day >= q.since
    ), c as (
      select day, queue, s,
        -- 09:00–17:00 local, denser in the morning
        ((day::timestamp + make_interval(secs => 32400 + floor(28800 * power(random(), 1.35)))) at time zone ${NL_TZ}) as offered_at,
        random() < reach as answered, random() as r1, random() as r2, random() as r3, random() as r4
      from g
    ), w as (
      select *,
        case when answered then least(900, floor(-ln(1 - r1) * 40))::int else (8 + least(900, floor(-ln(1 - r1) * 95)))::int end as wait,
        case when answered then (45 + least(3600, floor(-ln(1 - r2) * 230)))::int end as talk
      from c
    )
    insert into calls (source, external_id, queue, direction, from_number, agent_label, offered_at, answered_at, ended_at,
                       wait_seconds, talk_seconds, result, topic)
    select 'queue_log', 'demo-' || to_char(day, 'YYYYMMDD') || '-' || queue || '-' || s, queue, 'in',
      '06' || lpad(floor(r3 * 100000000)::text, 8, '0'),
      case when answered then 'SIP/' || (200 + floor(r4 * 40)::int) end,
      offered_at,
      case when answered then offered_at + make_interval(secs => wait) end,
      offered_at + make_interval(secs => wait + coalesce(talk, 0)),
      wait, talk,
      case when answered then (case when r4 < 0.03 then 'transferred' else 'answered' end)
           when r2 < 0.85 then 'abandoned' else 'timeout' end,
      case when answered then (array['application_status','application_status','application_status','appointment','appointment',
                                     'documents','documents','naturalisation','complaint','other'])[1 + floor(r4 * 10)::int] end
    from w
    where offered_at < ${now.toISOString()}::timestamptz - interval '5 minutes'
    -- In time order, the time indexes grow at their right edge instead of splitting pages all over.
    order by offered_at`);

  // For the call screen: today's calls of the demo frontdesk agent, some with callers known by phone, and
  // a few missed calls to call back. All ended over half an hour ago, so none sits on the screen pop.
  const { rows: agent } = await db.execute<{ id: string }>(sql`select id from users where extension = '201' limit 1`);
  const { rows: known } = await db.execute<{ id: string; phone: string }>(
    sql`select id, phone from customers where phone is not null order by created_at limit 6`,
  );
  const agentId = agent[0]?.id ?? null;
  const numbers = ["0612340001", "0612340002", "0612340003", "0612340004"];
  const inserts = [
    ...known.map((k, i) => ({ from: k.phone, customer: k.id, minutesAgo: 45 + i * 17, answered: i % 3 !== 2 })),
    ...numbers.map((n, i) => ({ from: n, customer: null, minutesAgo: 50 + i * 23, answered: i % 2 === 0 })),
  ];
  for (const [i, c] of inserts.entries()) {
    const offered = new Date(now.getTime() - c.minutesAgo * 60_000);
    const wait = c.answered ? 25 : 70;
    await db.execute(sql`insert into calls (source, external_id, queue, direction, from_number, to_number, agent_id, agent_label, offered_at,
        answered_at, ended_at, wait_seconds, talk_seconds, result, topic, customer_id, notes)
      values ('cti', ${`demo-today-${i}`}, 'frontdesk', 'in', ${c.from}, '09001234561', ${c.answered ? agentId : null}, ${c.answered ? "201" : null},
        ${offered.toISOString()}, ${c.answered ? new Date(offered.getTime() + wait * 1000).toISOString() : null},
        ${new Date(offered.getTime() + (wait + (c.answered ? 240 : 0)) * 1000).toISOString()}, ${wait}, ${c.answered ? 240 : null},
        ${c.answered ? "answered" : "abandoned"}, ${c.answered ? (i % 2 ? "documents" : "application_status") : null}, ${c.customer},
        ${c.answered ? "Demo: vraag over de stand van zaken." : null})`);
  }
}
