-- The key change to (day, queue, shard) is made by db/sql/dashboards.sql, in the one transaction that also
-- replaces the rollup's trigger functions: done here, the old functions (ON CONFLICT (day, queue)) would
-- fail every write to calls between this migration's commit and that file's.
ALTER TABLE "call_daily_stats" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;
