CREATE TABLE "call_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"imported_by" uuid,
	"lines_read" integer DEFAULT 0 NOT NULL,
	"calls_created" integer DEFAULT 0 NOT NULL,
	"calls_updated" integer DEFAULT 0 NOT NULL,
	"lines_rejected" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_queue_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"pattern" text NOT NULL,
	"queue" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_queue_mappings_kind_check" CHECK (kind in ('number','queue_name')),
	CONSTRAINT "call_queue_mappings_queue_check" CHECK (queue in ('frontdesk','backoffice','partners')),
	CONSTRAINT "call_queue_mappings_pattern_check" CHECK (length(pattern) between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "call_topics" (
	"key" text PRIMARY KEY NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "call_topics_key_check" CHECK (key ~ '^[a-z0-9_]{1,40}$')
);
--> statement-breakpoint
CREATE TABLE "cti_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"call_external_id" text NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"call_id" bigint
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "ringing_users" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "callback_of_id" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "call_queue_mappings_kind_pattern_key" ON "call_queue_mappings" USING btree ("kind","pattern");--> statement-breakpoint
CREATE INDEX "cti_events_call_idx" ON "cti_events" USING btree ("call_external_id","received_at");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_topic_call_topics_key_fk" FOREIGN KEY ("topic") REFERENCES "public"."call_topics"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calls_missed_idx" ON "calls" USING btree ("offered_at") WHERE result in ('abandoned','timeout','no_answer','busy') and callback_outcome is null;--> statement-breakpoint
CREATE INDEX "calls_open_cti_idx" ON "calls" USING btree ("offered_at") WHERE source = 'cti' and ended_at is null;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_callback_outcome_check" CHECK (callback_outcome is null or callback_outcome in ('reached','no_answer','voicemail','wrong_number'));