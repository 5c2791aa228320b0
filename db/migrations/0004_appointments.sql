CREATE TABLE "appointment_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" text NOT NULL,
	"persons" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_holds_persons_check" CHECK ("appointment_holds"."persons" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "appointment_openings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"desk_code" text NOT NULL,
	"slot_id" text,
	"local_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" text PRIMARY KEY NOT NULL,
	"desk_code" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"places" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_taken_check" CHECK ("appointment_slots"."taken" >= 0 and "appointment_slots"."taken" <= "appointment_slots"."places"),
	CONSTRAINT "appointment_slots_time_check" CHECK ("appointment_slots"."ends_at" > "appointment_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"slot_id" text NOT NULL,
	"desk_code" text NOT NULL,
	"product_key" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"persons" integer NOT NULL,
	"person_list" jsonb NOT NULL,
	"email" text,
	"phone" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"token_hash" text NOT NULL,
	"customer_id" uuid,
	"booked_by" uuid,
	"call_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"closure_notified_at" timestamp with time zone,
	CONSTRAINT "appointments_persons_check" CHECK ("appointments"."persons" between 1 and 6 and jsonb_array_length("appointments"."person_list") = "appointments"."persons"),
	CONSTRAINT "appointments_contact_check" CHECK ("appointments"."email" is not null or "appointments"."phone" is not null),
	CONSTRAINT "appointments_language_check" CHECK ("appointments"."language" in ('nl','en')),
	CONSTRAINT "appointments_status_check" CHECK (status in ('booked','cancelled','checked_in','completed','no_show'))
);
--> statement-breakpoint
CREATE TABLE "desk_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"desk_code" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_closures_range_check" CHECK ("desk_closures"."to_date" >= "desk_closures"."from_date")
);
--> statement-breakpoint
CREATE TABLE "desk_opening_hours" (
	"desk_code" text NOT NULL,
	"weekday" integer NOT NULL,
	"opens" text NOT NULL,
	"closes" text NOT NULL,
	"places" integer NOT NULL,
	CONSTRAINT "desk_opening_hours_desk_code_weekday_opens_pk" PRIMARY KEY("desk_code","weekday","opens"),
	CONSTRAINT "desk_opening_hours_weekday_check" CHECK ("desk_opening_hours"."weekday" between 0 and 6),
	CONSTRAINT "desk_opening_hours_time_check" CHECK ("desk_opening_hours"."opens" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "desk_opening_hours"."closes" ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$' and "desk_opening_hours"."opens" < "desk_opening_hours"."closes"),
	CONSTRAINT "desk_opening_hours_places_check" CHECK ("desk_opening_hours"."places" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "slot_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"product_key" text NOT NULL,
	"persons" integer NOT NULL,
	"desk_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"before" date NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"unsubscribe_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "slot_alerts_persons_check" CHECK ("slot_alerts"."persons" between 1 and 6),
	CONSTRAINT "slot_alerts_language_check" CHECK ("slot_alerts"."language" in ('nl','en')),
	CONSTRAINT "slot_alerts_status_check" CHECK (status in ('pending','confirmed','notified','unsubscribed','expired'))
);
--> statement-breakpoint
ALTER TABLE "appointment_holds" ADD CONSTRAINT "appointment_holds_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_openings" ADD CONSTRAINT "appointment_openings_desk_code_desks_code_fk" FOREIGN KEY ("desk_code") REFERENCES "public"."desks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_desk_code_desks_code_fk" FOREIGN KEY ("desk_code") REFERENCES "public"."desks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_desk_code_desks_code_fk" FOREIGN KEY ("desk_code") REFERENCES "public"."desks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_product_key_products_key_fk" FOREIGN KEY ("product_key") REFERENCES "public"."products"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_closures" ADD CONSTRAINT "desk_closures_desk_code_desks_code_fk" FOREIGN KEY ("desk_code") REFERENCES "public"."desks"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_closures" ADD CONSTRAINT "desk_closures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_opening_hours" ADD CONSTRAINT "desk_opening_hours_desk_code_desks_code_fk" FOREIGN KEY ("desk_code") REFERENCES "public"."desks"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_alerts" ADD CONSTRAINT "slot_alerts_product_key_products_key_fk" FOREIGN KEY ("product_key") REFERENCES "public"."products"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_holds_slot_idx" ON "appointment_holds" USING btree ("slot_id","expires_at");--> statement-breakpoint
CREATE INDEX "appointment_openings_todo_idx" ON "appointment_openings" USING btree ("id") WHERE "appointment_openings"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "appointment_slots_desk_date_idx" ON "appointment_slots" USING btree ("desk_code","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_reference_key" ON "appointments" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "appointments_desk_date_idx" ON "appointments" USING btree ("desk_code","local_date");--> statement-breakpoint
CREATE INDEX "appointments_slot_idx" ON "appointments" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "appointments_customer_idx" ON "appointments" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "appointments_email_idx" ON "appointments" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "appointments_reminder_idx" ON "appointments" USING btree ("starts_at") WHERE "appointments"."status" = 'booked' and "appointments"."reminder_sent_at" is null;--> statement-breakpoint
CREATE INDEX "desk_closures_desk_idx" ON "desk_closures" USING btree ("desk_code","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "slot_alerts_confirm_key" ON "slot_alerts" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "slot_alerts_unsubscribe_key" ON "slot_alerts" USING btree ("unsubscribe_token_hash");--> statement-breakpoint
CREATE INDEX "slot_alerts_live_idx" ON "slot_alerts" USING btree ("product_key","before") WHERE "slot_alerts"."status" = 'confirmed';