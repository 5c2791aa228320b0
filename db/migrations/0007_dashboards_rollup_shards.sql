ALTER TABLE "call_daily_stats" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_daily_stats" DROP CONSTRAINT "call_daily_stats_day_queue_pk";--> statement-breakpoint
ALTER TABLE "call_daily_stats" ADD CONSTRAINT "call_daily_stats_day_queue_shard_pk" PRIMARY KEY("day","queue","shard");
