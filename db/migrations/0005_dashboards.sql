CREATE TABLE "call_daily_stats" (
	"day" date NOT NULL,
	"queue" text NOT NULL,
	"offered" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"abandoned" integer DEFAULT 0 NOT NULL,
	"wait_count" integer DEFAULT 0 NOT NULL,
	"wait_sum" bigint DEFAULT 0 NOT NULL,
	"talk_count" integer DEFAULT 0 NOT NULL,
	"talk_sum" bigint DEFAULT 0 NOT NULL,
	"answered_within_10" integer DEFAULT 0 NOT NULL,
	"answered_within_15" integer DEFAULT 0 NOT NULL,
	"answered_within_20" integer DEFAULT 0 NOT NULL,
	"answered_within_30" integer DEFAULT 0 NOT NULL,
	"answered_within_45" integer DEFAULT 0 NOT NULL,
	"answered_within_60" integer DEFAULT 0 NOT NULL,
	"answered_within_90" integer DEFAULT 0 NOT NULL,
	"answered_within_120" integer DEFAULT 0 NOT NULL,
	"answered_within_180" integer DEFAULT 0 NOT NULL,
	"answered_within_300" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_daily_stats_day_queue_pk" PRIMARY KEY("day","queue"),
	CONSTRAINT "call_daily_stats_queue_check" CHECK (queue in ('frontdesk','backoffice','partners')),
	CONSTRAINT "call_daily_stats_counts_check" CHECK (offered >= 0 and answered >= 0 and abandoned >= 0 and answered + abandoned <= offered and wait_count >= 0 and wait_sum >= 0 and talk_count >= 0 and talk_sum >= 0 and answered_within_300 <= answered)
);
--> statement-breakpoint
CREATE INDEX "call_daily_stats_queue_day_idx" ON "call_daily_stats" USING btree ("queue","day");