CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_role_check" CHECK (role in ('frontdesk','backoffice','desk','complaints','supervisor','admin'))
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"v_number" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_language_check" CHECK ("customers"."language" in ('nl','en'))
);
--> statement-breakpoint
CREATE TABLE "desk_products" (
	"desk_code" text NOT NULL,
	"product_key" text NOT NULL,
	CONSTRAINT "desk_products_desk_code_product_key_pk" PRIMARY KEY("desk_code","product_key")
);
--> statement-breakpoint
CREATE TABLE "desks" (
	"code" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"time_zone" text NOT NULL,
	"holiday_calendar" text NOT NULL,
	"slot_minutes" integer DEFAULT 15 NOT NULL,
	"places_per_slot" integer DEFAULT 4 NOT NULL,
	"horizon_days" integer DEFAULT 90 NOT NULL,
	"min_notice_days" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "desks_calendar_check" CHECK ("desks"."holiday_calendar" in ('NL','BES')),
	CONSTRAINT "desks_slot_minutes_check" CHECK ("desks"."slot_minutes" between 5 and 240),
	CONSTRAINT "desks_places_check" CHECK ("desks"."places_per_slot" between 0 and 100),
	CONSTRAINT "desks_horizon_check" CHECK ("desks"."horizon_days" between 1 and 730),
	CONSTRAINT "desks_notice_check" CHECK ("desks"."min_notice_days" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extra_holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar" text NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extra_holidays_calendar_check" CHECK ("extra_holidays"."calendar" in ('NL','BES'))
);
--> statement-breakpoint
CREATE TABLE "outbound_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"to_address" text NOT NULL,
	"to_name" text,
	"from_address" text,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"message_id" text NOT NULL,
	"in_reply_to" text,
	"references" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"context_type" text NOT NULL,
	"context_id" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbound_emails_status_check" CHECK ("outbound_emails"."status" in ('queued','sent','failed'))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"key" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"minutes_per_person" integer NOT NULL,
	CONSTRAINT "products_minutes_check" CHECK ("products"."minutes_per_person" between 1 and 240)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"desk_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"extension" text,
	"locale" text DEFAULT 'nl' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone,
	CONSTRAINT "users_role_check" CHECK (role in ('frontdesk','backoffice','desk','complaints','supervisor','admin')),
	CONSTRAINT "users_locale_check" CHECK ("users"."locale" in ('nl','en'))
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_products" ADD CONSTRAINT "desk_products_desk_code_desks_code_fk" FOREIGN KEY ("desk_code") REFERENCES "public"."desks"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_products" ADD CONSTRAINT "desk_products_product_key_products_key_fk" FOREIGN KEY ("product_key") REFERENCES "public"."products"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_email_key" ON "customers" USING btree (lower("email")) WHERE "customers"."email" is not null;--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "customers_v_number_idx" ON "customers" USING btree ("v_number");--> statement-breakpoint
CREATE INDEX "events_entity_idx" ON "events" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "events_at_idx" ON "events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "extra_holidays_calendar_day_key" ON "extra_holidays" USING btree ("calendar","day");--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_emails_message_id_key" ON "outbound_emails" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "outbound_emails_due_idx" ON "outbound_emails" USING btree ("next_attempt_at") WHERE "outbound_emails"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "outbound_emails_context_idx" ON "outbound_emails" USING btree ("context_type","context_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_extension_key" ON "users" USING btree ("extension");