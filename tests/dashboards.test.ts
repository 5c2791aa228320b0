import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import type { Actor } from "@/lib/auth/roles";
import { annualCsv, annualReport, dashboardDaily, dashboardSummary, getTargets, setTargets, wallboard } from "@/lib/dashboards/service";
import { rangeQuery } from "@/lib/dashboards/schemas";

/**
 * The call figures of spec 05 from rows written the way the three sources write them (CTI events: insert,
 * then updates as the answer and hang-up arrive, repeated; queue_log import: an upsert, re-run; the agent's
 * manual log), checked against known totals; the rollup against a direct aggregate after random writes.
 * Each test uses its own years, so tests never see each other's calls.
 */
const supervisor: Actor = { kind: "apikey", id: "test", name: "test supervisor", role: "supervisor", deskCodes: [] };
const frontdesk: Actor = { ...supervisor, role: "frontdesk" };
let seq = 0;
const uid = (p: string) => `${p}-${Date.now().toString(36)}-${++seq}`;

afterAll(async () => {
  await closeDb();
});

/** A CTI call: newCall, (a duplicate newCall), answer (twice, as a repeated event), hangup. */
async function ctiCall(o: { at: string; queue: string; waitS?: number; talkS?: number; abandon?: boolean; ringing?: boolean }) {
  const id = uid("cti");
  const newCall = sql`insert into calls (source, external_id, queue, direction, offered_at) values ('cti', ${id}, ${o.queue}, 'in', ${o.at}::timestamptz)
    on conflict (source, external_id) do nothing`;
  await db.execute(newCall);
  await db.execute(newCall); // the telephone system repeats an event
  if (o.ringing) return id;
  if (o.abandon) {
    const hangup = sql`update calls set ended_at = offered_at + interval '40 seconds', result = 'abandoned', hangup_cause = 'caller' where source = 'cti' and external_id = ${id}`;
    await db.execute(hangup);
    await db.execute(hangup);
    return id;
  }
  const answer = sql`update calls set answered_at = offered_at + make_interval(secs => ${o.waitS ?? 0}), wait_seconds = ${o.waitS ?? 0} where source = 'cti' and external_id = ${id}`;
  await db.execute(answer);
  await db.execute(answer); // a late duplicate of the answer event
  const hangup = sql`update calls set ended_at = answered_at + make_interval(secs => ${o.talkS ?? 60}), talk_seconds = ${o.talkS ?? 60}, result = 'answered' where source = 'cti' and external_id = ${id}`;
  await db.execute(hangup);
  await db.execute(hangup);
  return id;
}

type LogRow = { id: string; at: string; queue: string; answered: boolean; waitS: number; talkS: number | null; result: string };

/** The queue_log import: one upsert per file; a re-import writes the same values again. */
async function importQueueLog(rows: LogRow[]) {
  for (const r of rows) {
    await db.execute(sql`
      insert into calls (source, external_id, queue, direction, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, result)
      values ('queue_log', ${r.id}, ${r.queue}, 'in', ${r.at}::timestamptz,
        ${r.answered ? sql`${r.at}::timestamptz + make_interval(secs => ${r.waitS})` : sql`null`},
        ${r.at}::timestamptz + make_interval(secs => ${r.waitS + (r.talkS ?? 0)}),
        ${r.waitS}, ${r.talkS}, ${r.result})
      on conflict (source, external_id) do update set queue = excluded.queue, offered_at = excluded.offered_at,
        answered_at = excluded.answered_at, ended_at = excluded.ended_at, wait_seconds = excluded.wait_seconds,
        talk_seconds = excluded.talk_seconds, result = excluded.result, updated_at = now()`);
  }
}

async function rollupRows(from: string, to: string) {
  // Summed over the shards, as every reader does.
  const r =
    await db.execute(sql`select day, queue, sum(offered)::int as offered, sum(answered)::int as answered, sum(abandoned)::int as abandoned,
      sum(wait_count)::int as wait_count, sum(wait_sum)::bigint as wait_sum, sum(talk_count)::int as talk_count, sum(talk_sum)::bigint as talk_sum,
      sum(answered_within_20)::int as answered_within_20
    from call_daily_stats where day between ${from}::date and ${to}::date group by day, queue having sum(offered) > 0 order by day, queue`);
  return r.rows;
}

/** The same figures straight from calls, written independently of the trigger's code. */
async function directRows(from: string, to: string) {
  const r = await db.execute(sql`
    with c as (
      select (offered_at at time zone 'Europe/Amsterdam')::date as day, queue,
             (answered_at is not null or result in ('answered', 'transferred')) as ans, result,
             coalesce(wait_seconds, case when answered_at is not null then greatest(0, floor(extract(epoch from answered_at - offered_at)))::int end) as w, talk_seconds
      from calls where direction = 'in' and queue is not null)
    select day, queue, count(*)::int as offered, count(*) filter (where ans)::int as answered,
      count(*) filter (where not ans and result is not null)::int as abandoned,
      count(*) filter (where ans and w is not null)::int as wait_count, coalesce(sum(w) filter (where ans), 0)::bigint as wait_sum,
      count(*) filter (where ans and talk_seconds is not null)::int as talk_count, coalesce(sum(talk_seconds) filter (where ans), 0)::bigint as talk_sum,
      count(*) filter (where ans and w <= 20)::int as answered_within_20
    from c where day between ${from}::date and ${to}::date group by day, queue order by day, queue`);
  return r.rows;
}

describe("dashboards: call figures from the records", () => {
  it("summary, daily and the annual report give exactly the known totals; duplicates and re-imports change nothing", async () => {
    const Y = 2061;
    // Previous year: 12 queue_log calls in frontdesk, 9 answered → 75%.
    const prevRows: LogRow[] = Array.from({ length: 12 }, (_, i) => ({
      id: uid("ql"),
      at: `${Y - 1}-06-0${1 + (i % 5)}T10:00:00+02:00`,
      queue: "frontdesk",
      answered: i < 9,
      waitS: i < 9 ? 10 : 45,
      talkS: i < 9 ? 120 : null,
      result: i < 9 ? "answered" : "abandoned",
    }));
    await importQueueLog(prevRows);

    // Current year, on 3 March: CTI — 4 answered (wait 5, 15, 25, 40 s; talk 100 each), 1 abandoned, 1 still ringing.
    const day = `${Y}-03-03`;
    for (const w of [5, 15, 25, 40]) await ctiCall({ at: `${day}T09:00:00+01:00`, queue: "frontdesk", waitS: w, talkS: 100 });
    await ctiCall({ at: `${day}T09:05:00+01:00`, queue: "frontdesk", abandon: true });
    await ctiCall({ at: `${day}T09:06:00+01:00`, queue: "frontdesk", ringing: true });
    // queue_log for backoffice: 3 answered (wait 10 s, talk 200), 1 timeout; a call at 23:30 UTC on 3 March is
    // 4 March in Amsterdam.
    const bo: LogRow[] = [
      { id: uid("ql"), at: `${day}T11:00:00+01:00`, queue: "backoffice", answered: true, waitS: 10, talkS: 200, result: "answered" },
      { id: uid("ql"), at: `${day}T11:10:00+01:00`, queue: "backoffice", answered: true, waitS: 10, talkS: 200, result: "answered" },
      { id: uid("ql"), at: `${day}T23:30:00Z`, queue: "backoffice", answered: true, waitS: 10, talkS: 200, result: "answered" },
      { id: uid("ql"), at: `${day}T11:20:00+01:00`, queue: "backoffice", answered: false, waitS: 300, talkS: null, result: "timeout" },
    ];
    await importQueueLog(bo);
    await importQueueLog(bo); // the same file imported again
    await importQueueLog(prevRows);
    // Manual log: an outbound call and an inbound one without a queue are not offered calls.
    await db.execute(sql`insert into calls (source, direction, queue, offered_at, result) values
      ('manual', 'out', null, ${day}::date + time '10:00', 'answered'),
      ('manual', 'in', null, ${day}::date + time '10:00', 'answered')`);
    // A call registered by mistake and deleted again.
    const gone = await ctiCall({ at: `${day}T12:00:00+01:00`, queue: "partners", waitS: 3, talkS: 30 });
    await db.execute(sql`delete from calls where source = 'cti' and external_id = ${gone}`);

    const s = await dashboardSummary(supervisor, { from: `${Y}-01-01`, to: `${Y}-12-31` });
    // offered 6 + 4 = 10; answered 4 + 3 = 7; abandoned 1 + 1 = 2; 1 ringing
    expect(s.calls.offered).toBe(10);
    expect(s.calls.answered).toBe(7);
    expect(s.calls.abandoned).toBe(2);
    expect(s.calls.reachabilityPct).toBe(70);
    // within 20 s: 5, 15 (CTI) + 3 × 10 (backoffice) = 5 of 10
    expect(s.calls.serviceLevelPct).toBe(50);
    // ASA (5+15+25+40+30)/7 = 16.4; AHT (400+600)/7 = 142.9
    expect(s.calls.asaSeconds).toBe(16.4);
    expect(s.calls.ahtSeconds).toBe(142.9);
    expect(s.calls.byQueue.frontdesk).toMatchObject({
      offered: 6,
      answered: 4,
      abandoned: 1,
      reachabilityPct: 66.7,
      serviceLevelPct: 33.3,
      asaSeconds: 21.3,
    });
    expect(s.calls.byQueue.backoffice).toMatchObject({ offered: 4, answered: 3, abandoned: 1, reachabilityPct: 75, serviceLevelPct: 75 });
    expect(s.calls.byQueue.partners).toMatchObject({
      offered: 0,
      answered: 0,
      abandoned: 0,
      reachabilityPct: null,
      serviceLevelPct: null,
      asaSeconds: null,
    });

    const daily = await dashboardDaily(supervisor, { from: `${Y}-03-02`, to: `${Y}-03-05` });
    expect(daily).toEqual([
      { date: `${Y}-03-02`, offered: 0, answered: 0, abandoned: 0, reachabilityPct: null },
      { date: `${Y}-03-03`, offered: 9, answered: 6, abandoned: 2, reachabilityPct: 66.7 },
      { date: `${Y}-03-04`, offered: 1, answered: 1, abandoned: 0, reachabilityPct: 100 },
      { date: `${Y}-03-05`, offered: 0, answered: 0, abandoned: 0, reachabilityPct: null },
    ]);
    const bq = await dashboardDaily(supervisor, { from: `${Y}-03-03`, to: `${Y}-03-03`, queue: "backoffice" });
    expect(bq).toEqual([{ date: `${Y}-03-03`, offered: 3, answered: 2, abandoned: 1, reachabilityPct: 66.7 }]);

    const report = await annualReport(supervisor, Y);
    expect(report.year).toBe(Y);
    expect(report.previousYear).toBe(Y - 1);
    const calls = report.rows.find((r) => r.key === "callsOffered")!;
    expect(calls).toMatchObject({ previous: 12, current: 10, previousRounded: 0, currentRounded: 0, differencePct: -16.7 });
    const reach = report.rows.find((r) => r.key === "reachabilityPct")!;
    expect(reach).toMatchObject({ unit: "pct", previous: 75, current: 70, previousRounded: 75, currentRounded: 70, differencePct: -5 });
    expect(report.rows.find((r) => r.key === "complaintsOnTimePct")!.label).toContain("90%");
    const csv = annualCsv(report);
    expect(csv.split("\r\n")[0]).toBe(`key,label,unit,${Y - 1},${Y},${Y - 1} (rounded),${Y} (rounded),difference`);
    expect(csv).toContain(`callsOffered,Totaal aantal binnengekomen calls,count,12,10,0,0,-16.7`);

    // The ringing call is answered after all: now 8 of 10.
    await db.execute(sql`update calls set answered_at = offered_at + interval '8 seconds', wait_seconds = 8
      where source = 'cti' and queue = 'frontdesk' and offered_at = ${`${day}T09:06:00+01:00`}::timestamptz and answered_at is null`);
    const s2 = await dashboardSummary(supervisor, { from: day, to: day });
    expect(s2.calls).toMatchObject({ offered: 9, answered: 7, abandoned: 2, reachabilityPct: 77.8 });
    expect(await rollupRows(`${Y - 1}-01-01`, `${Y}-12-31`)).toEqual(await directRows(`${Y - 1}-01-01`, `${Y}-12-31`));
  });

  it("the rebuild function reproduces the rollup", async () => {
    // In one transaction that holds writers of calls off: other test files write calls in parallel.
    const { before, after } = await db.transaction(async (tx) => {
      await tx.execute(sql`lock table calls in share mode`);
      const before = await tx.execute(sql`select * from call_daily_stats where offered > 0 order by day, queue, shard`);
      await tx.execute(sql`select dashboards_rebuild_call_rollups()`);
      const after = await tx.execute(sql`select * from call_daily_stats order by day, queue, shard`);
      return { before, after };
    });
    expect(after.rows).toEqual(before.rows);
  });

  it("rollups equal a direct aggregate over calls after random inserts, updates, upserts and deletes", async () => {
    // A small deterministic PRNG, so that a failure can be replayed.
    let state = 20260101;
    const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const Y = 2071;
    const queues = ["frontdesk", "backoffice", "partners", null] as const;
    const results = [null, "answered", "abandoned", "timeout", "transferred", "busy"] as const;
    const ids: string[] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 25; i++) {
        const op = rand();
        const at = `${Y}-03-${String(25 + Math.floor(rand() * 7)).padStart(2, "0")}T${String(Math.floor(rand() * 24)).padStart(2, "0")}:30:00Z`;
        if (op < 0.45 || ids.length < 5) {
          const id = uid("p");
          ids.push(id);
          const result = pick(results);
          const answered = result === "answered" || (result === null && rand() < 0.3);
          await db.execute(sql`insert into calls (source, external_id, queue, direction, offered_at, answered_at, wait_seconds, talk_seconds, result)
            values (${pick(["cti", "queue_log"] as const)}, ${id}, ${pick(queues)}, ${rand() < 0.9 ? "in" : "out"}, ${at}::timestamptz,
              ${answered ? sql`${at}::timestamptz + interval '12 seconds'` : sql`null`},
              ${rand() < 0.8 ? Math.floor(rand() * 60) : null}, ${answered && rand() < 0.8 ? Math.floor(rand() * 600) : null}, ${result})`);
        } else if (op < 0.75) {
          const id = pick(ids);
          await db.execute(sql`update calls set result = ${pick(results)}, queue = ${pick(queues)},
            answered_at = case when ${rand() < 0.5} then offered_at + interval '30 seconds' else null end,
            wait_seconds = ${rand() < 0.7 ? Math.floor(rand() * 60) : null}, offered_at = ${at}::timestamptz where external_id = ${id}`);
        } else if (op < 0.85) {
          // An update to the same values (a duplicate event).
          await db.execute(sql`update calls set result = result, queue = queue where external_id = ${pick(ids)}`);
        } else if (op < 0.93) {
          // A multi-row statement spanning several days and queues.
          await db.execute(sql`update calls set talk_seconds = coalesce(talk_seconds, 0) + 1 where external_id in ${ids.slice(0, 10)}`);
        } else {
          const id = ids.splice(Math.floor(rand() * ids.length), 1)[0];
          await db.execute(sql`delete from calls where external_id = ${id}`);
        }
      }
      expect(await rollupRows(`${Y}-03-24`, `${Y}-04-01`)).toEqual(await directRows(`${Y}-03-24`, `${Y}-04-01`));
    }
  });

  it("concurrent writers on the same day and queue leave the rollup exact", async () => {
    const Y = 2075;
    const ids = Array.from({ length: 24 }, () => uid("cc"));
    // Separate connections (the pool), racing: inserts, then answers and hang-ups, then duplicates.
    await Promise.all(
      ids.map((id, i) =>
        db.execute(
          sql`insert into calls (source, external_id, queue, offered_at) values ('cti', ${id}, 'frontdesk', ${`${Y}-05-05T10:${String(i).padStart(2, "0")}:00+02:00`}::timestamptz)`,
        ),
      ),
    );
    await Promise.all(
      ids.map((id, i) =>
        db.execute(
          i % 3 === 0
            ? sql`update calls set result = 'abandoned', ended_at = offered_at + interval '1 minute' where external_id = ${id}`
            : sql`update calls set answered_at = offered_at + interval '7 seconds', wait_seconds = 7 where external_id = ${id}`,
        ),
      ),
    );
    await Promise.all(ids.map((id) => db.execute(sql`update calls set result = result where external_id = ${id}`)));
    const s = await dashboardSummary(supervisor, { from: `${Y}-05-05`, to: `${Y}-05-05` });
    expect(s.calls).toMatchObject({ offered: 24, answered: 16, abandoned: 8, reachabilityPct: 66.7 });
    expect(await rollupRows(`${Y}-05-05`, `${Y}-05-05`)).toEqual(await directRows(`${Y}-05-05`, `${Y}-05-05`));
  });

  it("wallboard: today's calls per queue and the calls waiting now", async () => {
    const now = new Date();
    const before = await wallboard(supervisor, now);
    const id = uid("wb");
    await db.execute(
      sql`insert into calls (source, external_id, queue, direction, offered_at) values ('cti', ${id}, 'partners', 'in', ${now.toISOString()}::timestamptz)`,
    );
    const after = await wallboard(supervisor, now);
    const p0 = before.queues.find((q) => q.queue === "partners")!;
    const p1 = after.queues.find((q) => q.queue === "partners")!;
    expect(p1.offered).toBe(p0.offered + 1);
    expect(p1.waiting).toBe(p0.waiting + 1);
    await db.execute(sql`update calls set answered_at = now(), wait_seconds = 4 where external_id = ${id}`);
    const answered = (await wallboard(supervisor, now)).queues.find((q) => q.queue === "partners")!;
    expect(answered.waiting).toBe(p0.waiting);
    expect(answered.answered).toBe(p0.answered + 1);
  });

  it("targets have defaults, are saved and validated; only supervisors see the figures", async () => {
    expect((await getTargets()).complaintOnTimePct).toBe(90);
    const t = { reachabilityPct: 88, serviceLevelPct: 75, serviceLevelSeconds: 30, complaintOnTimePct: 90, emailWithinSlaPct: 85 };
    await setTargets(supervisor, t);
    expect(await getTargets()).toEqual(t);
    await setTargets(supervisor, { ...t, serviceLevelSeconds: 20 });
    await expect(dashboardSummary(frontdesk, { from: "2061-01-01", to: "2061-01-02" })).rejects.toMatchObject({ status: 403 });
    expect(rangeQuery.safeParse({ from: "2061-02-30", to: "2061-03-01" }).error?.issues[0].path).toEqual(["from"]);
    expect(rangeQuery.safeParse({ from: "2061-03-02", to: "2061-03-01" }).error?.issues[0].path).toEqual(["from"]);
    expect(rangeQuery.safeParse({ from: "2061-03-01", to: "bad" }).error?.issues[0].path).toEqual(["to"]);
  });
});
