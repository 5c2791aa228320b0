CREATE TABLE "calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text,
	"queue" text,
	"direction" text DEFAULT 'in' NOT NULL,
	"from_number" text,
	"to_number" text,
	"agent_id" uuid,
	"agent_label" text,
	"offered_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"wait_seconds" integer,
	"talk_seconds" integer,
	"result" text,
	"hangup_cause" text,
	"customer_id" uuid,
	"topic" text,
	"notes" text,
	"callback_wanted" boolean DEFAULT false NOT NULL,
	"callback_outcome" text,
	"ticket_id" integer,
	"appointment_id" uuid,
	"complaint_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_source_check" CHECK (source in ('cti','queue_log','manual')),
	CONSTRAINT "calls_queue_check" CHECK (queue is null or queue in ('frontdesk','backoffice','partners')),
	CONSTRAINT "calls_direction_check" CHECK (direction in ('in','out')),
	CONSTRAINT "calls_result_check" CHECK (result is null or result in ('answered','abandoned','timeout','busy','no_answer','failed','transferred')),
	CONSTRAINT "calls_wait_check" CHECK (wait_seconds is null or wait_seconds >= 0),
	CONSTRAINT "calls_talk_check" CHECK (talk_seconds is null or talk_seconds >= 0)
);
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_source_external_id_key" ON "calls" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "calls_offered_at_idx" ON "calls" USING btree ("offered_at");--> statement-breakpoint
CREATE INDEX "calls_queue_offered_at_idx" ON "calls" USING btree ("queue","offered_at");--> statement-breakpoint
CREATE INDEX "calls_agent_offered_at_idx" ON "calls" USING btree ("agent_id","offered_at");--> statement-breakpoint
CREATE INDEX "calls_customer_idx" ON "calls" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "calls_from_number_idx" ON "calls" USING btree ("from_number");