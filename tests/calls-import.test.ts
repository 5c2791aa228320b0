import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateQueueLog, streamOf, type QueueLogExpect } from "@/lib/calls/queue-log-fixture";

vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

let importQueueLog: typeof import("@/lib/calls/import").importQueueLog;
let db: typeof import("@/db/client").db;
let closeDb: () => Promise<void>;
const admin = { kind: "user" as const, id: crypto.randomUUID(), name: "Test admin", role: "admin" as const, deskCodes: [] };

beforeAll(async () => {
  ({ importQueueLog } = await import("@/lib/calls/import"));
  ({ db, closeDb } = await import("@/db/client"));
});
afterAll(async () => closeDb());

const prefix = () => `t${crypto.randomBytes(4).toString("hex")}-`;

async function countCalls(p: string) {
  const { rows } = await db.execute<{ total: number; answered: number; ended: number; frontdesk: number }>(sql`
    select count(*)::int as total, count(*) filter (where answered_at is not null)::int as answered,
           count(*) filter (where ended_at is not null)::int as ended, count(*) filter (where queue = 'frontdesk')::int as frontdesk
    from calls where source = 'queue_log' and external_id like ${p + "%"}`);
  return rows[0];
}

describe("Asterisk queue_log import", () => {
  it("imports a generated file with known counts; importing it again adds nothing", async () => {
    const p = prefix();
    const exp: QueueLogExpect = { calls: 0, answered: 0, unanswered: 0, lines: 0 };
    // A year of its own, so the dashboards' daily rollup (kept by triggers on calls) can be checked too.
    const year = 2040 + Math.floor(Math.random() * 15);
    const lines = [
      ...generateQueueLog(
        { startEpoch: Date.UTC(year, 0, 9) / 1000, days: 3, perDay: { frontdesk: 300, "kic-backoffice": 60, partners: 60 }, idPrefix: p },
        exp,
      ),
    ];
    expect(exp.calls).toBe(1260);
    const rollup = async () =>
      (
        await db.execute<{
          offered: number;
          answered: number;
        }>(sql`select coalesce(sum(offered), 0)::int as offered, coalesce(sum(answered), 0)::int as answered
          from call_daily_stats where day between ${`${year}-01-09`}::date and ${`${year}-01-11`}::date`)
      ).rows[0];
    const before = await rollup();
    const first = await importQueueLog(admin, streamOf(lines, 777));
    expect(first).toEqual({ linesRead: exp.lines, callsCreated: exp.calls, callsUpdated: 0, linesRejected: 0, rejected: [] });
    expect(await countCalls(p)).toEqual({ total: exp.calls, answered: exp.answered, ended: exp.calls, frontdesk: 900 });
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from calls where external_id like ${p + "%"} and queue = 'backoffice'`,
    );
    expect(rows[0].n).toBe(180); // kic-backoffice is mapped to backoffice

    const after = await rollup();
    expect({ offered: after.offered - before.offered, answered: after.answered - before.answered }).toEqual({
      offered: exp.calls,
      answered: exp.answered,
    });

    const again = await importQueueLog(admin, streamOf(lines, 5000));
    expect(again).toMatchObject({ linesRead: exp.lines, callsCreated: 0, callsUpdated: 0, linesRejected: 0 });
    expect((await countCalls(p)).total).toBe(exp.calls);
    expect(await rollup()).toEqual(after);
  });

  it("reports bad lines by number and imports the rest", async () => {
    const p = prefix();
    const t = 1736150400;
    const body = [
      `${t}|${p}1|frontdesk|NONE|ENTERQUEUE||0612345678|1`,
      `this is not a queue_log line`,
      `${t + 5}|${p}1|frontdesk|SIP/201|CONNECT|5|x|1`,
      `${t}|NONE|NONE|NONE|QUEUESTART|`,
      `${t + 65}|${p}1|frontdesk|SIP/201|COMPLETECALLER|5|60|1`,
      `abc|${p}2|frontdesk|NONE|ENTERQUEUE||06|1`,
      `${t + 10}|${p}3|frontdesk|NONE|ENTERQUEUE||0687654321|1`,
      `${t + 40}|${p}3|frontdesk|NONE|ABANDON|1|1|oops`,
      `${t + 41}|${p}3|frontdesk|NONE|ABANDON|1|1|31`,
    ].join("\n");
    const r = await importQueueLog(admin, streamOf(body.split("\n")));
    expect(r).toEqual({
      linesRead: 9,
      callsCreated: 2,
      callsUpdated: 0,
      linesRejected: 3,
      rejected: [
        { line: 2, reason: expect.stringContaining("fields") },
        { line: 6, reason: expect.stringContaining("epoch") },
        { line: 8, reason: expect.stringContaining("data3") },
      ],
    });
    const { rows } = await db.execute<{ external_id: string; result: string; wait_seconds: number; talk_seconds: number | null }>(
      sql`select external_id, result, wait_seconds, talk_seconds from calls where external_id like ${p + "%"} order by external_id`,
    );
    expect(rows).toEqual([
      { external_id: `${p}1:frontdesk`, result: "answered", wait_seconds: 5, talk_seconds: 60 },
      { external_id: `${p}3:frontdesk`, result: "abandoned", wait_seconds: 31, talk_seconds: null },
    ]);
  });

  it("a call left open by one file is completed by a later one", async () => {
    const p = prefix();
    const t = 1736236800;
    const one = [`${t}|${p}9|partners|NONE|ENTERQUEUE||0201234567|1`, `${t + 12}|${p}9|partners|SIP/301|CONNECT|12|x|1`];
    const r1 = await importQueueLog(admin, streamOf(one));
    expect(r1).toMatchObject({ callsCreated: 1, callsUpdated: 0 });
    const { rows: open } = await db.execute(sql`select result, ended_at, answered_at from calls where external_id = ${`${p}9:partners`}`);
    expect(open[0]).toMatchObject({ result: null, ended_at: null });
    expect(open[0].answered_at).not.toBeNull();

    const two = [`${t + 3600}|NONE|NONE|NONE|QUEUESTART|`, `${t + 312}|${p}9|partners|SIP/301|COMPLETEAGENT|12|300|1`];
    const r2 = await importQueueLog(admin, streamOf(two));
    expect(r2).toMatchObject({ callsCreated: 0, callsUpdated: 1, linesRejected: 0 });
    const { rows } = await db.execute(
      sql`select result, wait_seconds, talk_seconds, offered_at, from_number from calls where external_id = ${`${p}9:partners`}`,
    );
    expect(rows[0]).toMatchObject({ result: "answered", wait_seconds: 12, talk_seconds: 300, from_number: "0201234567" });
    expect(new Date(rows[0].offered_at as string).getTime()).toBe(t * 1000);
    // And the second file again changes nothing.
    expect(await importQueueLog(admin, streamOf(two))).toMatchObject({ callsCreated: 0, callsUpdated: 0 });
  });

  it("refuses a role without importData", async () => {
    const agent = { ...admin, role: "frontdesk" as const };
    await expect(importQueueLog(agent, streamOf(["x"]))).rejects.toMatchObject({ status: 403 });
  });
});
