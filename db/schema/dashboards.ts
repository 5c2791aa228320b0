import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

const count = (name: string) => integer(name).notNull().default(0);
const sum = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

/**
 * Call figures per Europe/Amsterdam local day and queue (spec 05), kept exact by the statement triggers on
 * `calls` (custom migration db/migrations/0013): every insert, update and delete adds its new rows' contribution and
 * subtracts its old rows', so a duplicate CTI event or a re-import (same values) changes nothing.
 *
 * Offered = inbound calls with a queue. Answered = connected to an agent (answered_at set, or result
 * answered/transferred), counted from the moment of connection. Abandoned = ended without an agent.
 * A call still ringing (no answer, no result) is offered but neither answered nor abandoned yet.
 * `answered_within_N` counts answered calls whose wait was ≤ N s: the service level for T = N.
 *
 * Each (day, queue) is kept in up to 16 rows, a call counting in shard `dashboards_stats_shard(calls.id)`:
 * the CTI webhook writes every event of the day into this table, and one row per day and queue would make
 * all those transactions wait for each other's commit on it. Readers sum over the shards (`group by`);
 * each shard row satisfies the CHECKs on its own, because all of a call's contributions land in one shard.
 */
export const callDailyStats = pgTable(
  "call_daily_stats",
  {
    day: date("day", { mode: "string" }).notNull(),
    queue: text("queue").notNull(),
    /** `dashboards_stats_shard(calls.id)` of the calls counted in this row (db/migrations/0013). */
    shard: smallint("shard").notNull().default(0),
    offered: count("offered"),
    answered: count("answered"),
    abandoned: count("abandoned"),
    /** Answered calls with a known wait (the ASA denominator) and their total wait in seconds. */
    waitCount: count("wait_count"),
    waitSum: sum("wait_sum"),
    talkCount: count("talk_count"),
    talkSum: sum("talk_sum"),
    answeredWithin10: count("answered_within_10"),
    answeredWithin15: count("answered_within_15"),
    answeredWithin20: count("answered_within_20"),
    answeredWithin30: count("answered_within_30"),
    answeredWithin45: count("answered_within_45"),
    answeredWithin60: count("answered_within_60"),
    answeredWithin90: count("answered_within_90"),
    answeredWithin120: count("answered_within_120"),
    answeredWithin180: count("answered_within_180"),
    answeredWithin300: count("answered_within_300"),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.queue, t.shard] }),
    index("call_daily_stats_queue_day_idx").on(t.queue, t.day),
    check("call_daily_stats_queue_check", sql.raw(`queue in ('frontdesk','backoffice','partners')`)),
    check(
      "call_daily_stats_counts_check",
      sql.raw(
        `offered >= 0 and answered >= 0 and abandoned >= 0 and answered + abandoned <= offered and wait_count >= 0 and wait_sum >= 0 and talk_count >= 0 and talk_sum >= 0 and answered_within_300 <= answered`,
      ),
    ),
  ],
);
