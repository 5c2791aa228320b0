/**
 * Privacy benchmarks (issue 11, item 11): what the access log costs the two busiest lists — the inbox over
 * 10,000 open tickets and the call list over 200,000 calls — measured as a ratio in one run: each list as the
 * app serves it (with its access-log row) against the same list's queries alone, and the log row on its own.
 * Then the retention run over a year of calls past their period. Runs against a throw-away database on the
 * server of BENCH_DATABASE_URL (default: the machine's PostgreSQL); rewrites bench/RESULTS-privacy.md.
 *   npm run bench privacy        or   node --import tsx bench/privacy.ts [runs=40] [oldCalls=100000]
 */
import "../scripts/server-only-stub";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../db/migrate";
import { createTestDatabase } from "../tests/helpers/test-db";

const RUNS = Number(process.argv[2] ?? 40);
const OLD_CALLS = Number(process.argv[3] ?? 100_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const out: string[] = [];
const log = (line: string) => {
  out.push(line);
  console.log(line);
};

async function timed(n: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await f(i);
    times.push(performance.now() - s);
  }
  return times;
}

async function main() {
  const database = await createTestDatabase("kic_bench_privacy");
  try {
    await migrateDatabase(database.url);
    process.env.DATABASE_URL = database.url;
    const { db, closeDb } = await import("../db/client");
    const { sql } = await import("drizzle-orm");
    const { listTickets } = await import("../lib/tickets/service");
    const { listCalls } = await import("../lib/calls/service");
    const { auditRead } = await import("../lib/privacy/audit");
    const { runRetention } = await import("../lib/privacy/retention");

    // ---- Data: 10,000 open tickets of 2,000 people; 200,000 recent calls; a history of events -------------
    await db.execute(
      sql`insert into customers (email, name, phone) select 'p' || g || '@example.org', 'Klant ' || g, '06' || (10000000 + g) from generate_series(1, 2000) g`,
    );
    await db.execute(sql`
      insert into tickets (subject, queue, status, customer_id, channel, first_response_due_at, resolution_due_at, created_at, last_message_at)
      select 'Vraag ' || g, (array['frontdesk','backoffice','partners'])[1 + g % 3], (array['new','open','pending'])[1 + g % 3],
             (select id from customers where email = 'p' || (1 + g % 2000) || '@example.org'), 'email',
             now() + make_interval(hours => (g % 200) - 100), now() + make_interval(hours => g % 400), now() - make_interval(mins => g), now() - make_interval(mins => g)
      from generate_series(1, 10000) g`);
    await db.execute(sql`
      insert into calls (source, external_id, queue, direction, from_number, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, result, customer_id)
      select 'queue_log', 'b' || g, (array['frontdesk','backoffice','partners'])[1 + g % 3], 'in', '06' || (10000000 + g % 2000),
             now() - make_interval(secs => g * 150), now() - make_interval(secs => g * 150 - 20), now() - make_interval(secs => g * 150 - 200),
             20, 180, 'answered', (select id from customers where email = 'p' || (1 + g % 2000) || '@example.org')
      from generate_series(1, 200000) g`);
    // A busy log already: 300,000 earlier reads, so the dedupe lookup is not measured on an empty table.
    await db.execute(sql`insert into events (actor_label, entity_type, entity_id, action, data, at)
      select 'Agent ' || (g % 50), 'ticket', 'list:' || md5(g::text), 'read', '{"purpose":"inbox"}'::jsonb, now() - make_interval(secs => g)
      from generate_series(1, 300000) g`);
    await db.execute(sql`analyze`);

    const agent = (name: string) => ({ kind: "apikey" as const, id: "bench", name, role: "backoffice" as const, deskCodes: [] });
    const inbox = { sort: "due" as const, limit: 50, offset: 0, overdue: false };
    const calls = { limit: 50, offset: 0 };
    const baseline = await timed(RUNS, () => db.execute(sql`select 1`));
    // Warm-up
    for (let i = 0; i < 10; i++) {
      await listTickets(agent("warm"), inbox);
      await listCalls(agent("warm"), calls);
    }

    // The lists' own queries without the log row: the same SQL listTickets/listCalls run (their two statements).
    const inboxQueries = () =>
      Promise.all([
        db.execute(sql`select t.number, t.customer_id, c.name, c.email from tickets t left join customers c on c.id = t.customer_id left join users u on u.id = t.assignee_id
          where t.queue in ('frontdesk','backoffice','partners') and t.status in ('new','open','pending') and t.merged_into_id is null
          order by (t.status in ('pending','solved','closed')), (case when t.first_responded_at is null then t.first_response_due_at else t.resolution_due_at end) asc nulls last, t.number asc limit 50`),
        db.execute(sql`select count(*)::int from tickets t left join customers c on c.id = t.customer_id
          where t.queue in ('frontdesk','backoffice','partners') and t.status in ('new','open','pending') and t.merged_into_id is null`),
      ]);
    const callQueries = () =>
      Promise.all([
        db.execute(sql`select c.*, u.name, cu.name from calls c left join users u on u.id = c.agent_id left join customers cu on cu.id = c.customer_id
          order by c.offered_at desc, c.id desc limit 50`),
        db.execute(sql`select count(*)::int as n from (select 1 from calls c where true limit 100000) x`),
      ]);

    const ids = Array.from({ length: 50 }, (_, i) => 100000 + i);
    const customers = Array.from({ length: 50 }, () => crypto.randomUUID());
    const rows: [string, number[]][] = [
      ["inbox queries alone (no log row)", await timed(RUNS, inboxQueries)],
      ["inbox as served, each request a new log row", await timed(RUNS, (i) => listTickets(agent(`first ${i}`), inbox))],
      ["inbox as served, polling (same agent, same list: no new row)", await timed(RUNS, () => listTickets(agent("poller"), inbox))],
      ["call list queries alone (no log row)", await timed(RUNS, callQueries)],
      ["call list as served, each request a new log row", await timed(RUNS, (i) => listCalls(agent(`first ${i}`), calls))],
      ["call list as served, polling", await timed(RUNS, () => listCalls(agent("poller"), calls))],
      [
        "the log row alone: insert (50 ids, 50 customers)",
        await timed(RUNS, (i) => auditRead(agent(`solo ${i}`), { entityType: "ticket", ids, customers, purpose: "bench" })),
      ],
      [
        "the log row alone: dedupe hit",
        await timed(RUNS, () => auditRead(agent("solo"), { entityType: "ticket", ids, customers, purpose: "bench", dedupeMinutes: 10 })),
      ],
    ];
    log(`Access log (median / p95 of ${RUNS} runs; baseline 'select 1' ${median(baseline).toFixed(2)} ms):`);
    for (const [label, t] of rows) log(`  ${label}: ${median(t).toFixed(2)} ms / ${p95(t).toFixed(2)} ms`);
    const m = Object.fromEntries(rows.map(([l, t]) => [l, median(t)]));
    const pct = (a: string, b: string) => `${((100 * m[a]) / m[b]).toFixed(0)}%`;
    const INSERT = "the log row alone: insert (50 ids, 50 customers)";
    const HIT = "the log row alone: dedupe hit";
    log(
      `  the log row's share of a served inbox: ${pct(INSERT, "inbox as served, each request a new log row")} (new row), ${pct(HIT, "inbox as served, polling (same agent, same list: no new row)")} (polling)`,
    );
    log(
      `  the log row's share of a served call list: ${pct(INSERT, "call list as served, each request a new log row")} (new row), ${pct(HIT, "call list as served, polling")} (polling)`,
    );

    // ---- Retention over a year of old calls and the tickets of that year ------------------------------------
    await db.execute(sql`
      insert into calls (source, external_id, queue, direction, from_number, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, result, notes)
      select 'queue_log', 'old' || g, (array['frontdesk','backoffice','partners'])[1 + g % 3], 'in', '06' || (20000000 + g),
             now() - interval '3 years' - make_interval(secs => g * 300), now() - interval '3 years' - make_interval(secs => g * 300 - 20),
             now() - interval '3 years' - make_interval(secs => g * 300 - 200), 20, 180, (array['answered','abandoned'])[1 + g % 2], 'notitie ' || g
      from generate_series(1, ${OLD_CALLS}) g`);
    await db.execute(sql`
      insert into tickets (subject, status, channel, created_at, updated_at, closed_at)
      select 'Oud ' || g, 'closed', 'email', now() - interval '3 years', now() - interval '3 years', now() - interval '3 years' from generate_series(1, 5000) g`);
    await db.execute(sql`analyze`);
    const rollupBefore = await db.execute(sql`select sum(offered)::int as o, sum(answered)::int as a from call_daily_stats`);
    const s = performance.now();
    const first = await runRetention();
    const seconds = (performance.now() - s) / 1000;
    const s2 = performance.now();
    const second = await runRetention();
    const seconds2 = (performance.now() - s2) / 1000;
    const rollupAfter = await db.execute(sql`select sum(offered)::int as o, sum(answered)::int as a from call_daily_stats`);
    log(
      `\nRetention: ${first.counts.calls} calls and ${first.counts.tickets} tickets anonymised in ${seconds.toFixed(1)} s (${Math.round(first.counts.calls / seconds)} calls/s, batches of 500);`,
    );
    log(
      `  second run (nothing to do): ${seconds2.toFixed(2)} s, counts ${Object.values(second.counts).reduce((a, b) => a + b, 0)}; rollup totals before ${JSON.stringify(rollupBefore.rows[0])}, after ${JSON.stringify(rollupAfter.rows[0])}`,
    );
    log(
      `\nmachine: ${os.cpus().length}× ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load average at the end ${os.loadavg()[0].toFixed(1)}`,
    );
    await closeDb();
    fs.writeFileSync(
      path.join(__dirname, "RESULTS-privacy.md"),
      `## Privacy: access log and retention (bench/privacy.ts)

Last run ${new Date().toISOString()}: \`node --import tsx bench/privacy.ts ${RUNS} ${OLD_CALLS}\` — a throw-away database on the
machine's PostgreSQL, in-process service calls. "Queries alone" runs the list's own SQL without its access-log row; "as
served" is the service the API calls, with the row (a new one per request, or the dedupe lookup of a polling screen).
The machine is shared with other work, so absolute figures vary between runs; the ratios are from one run.

\`\`\`
${out.join("\n")}
\`\`\`
`,
    );
  } finally {
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
