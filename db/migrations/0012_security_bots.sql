CREATE TABLE "used_challenges" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointment_holds" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cap_email" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cap_phone" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cap_v_numbers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "used_challenges_expires_idx" ON "used_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "appointment_holds_client_idx" ON "appointment_holds" USING btree ("client_key","expires_at") WHERE "appointment_holds"."client_key" is not null;--> statement-breakpoint
CREATE INDEX "appointments_cap_email_idx" ON "appointments" USING btree ("product_key","cap_email","starts_at") WHERE "appointments"."status" = 'booked' and "appointments"."cap_email" is not null;--> statement-breakpoint
CREATE INDEX "appointments_cap_phone_idx" ON "appointments" USING btree ("product_key","cap_phone","starts_at") WHERE "appointments"."status" = 'booked' and "appointments"."cap_phone" is not null;--> statement-breakpoint
CREATE INDEX "appointments_cap_v_numbers_idx" ON "appointments" USING gin ("cap_v_numbers") WITH (fastupdate=false) WHERE "appointments"."status" = 'booked' and "appointments"."cap_v_numbers" <> '{}';--> statement-breakpoint
-- Backfill the cap identities of the bookings still ahead (the same normalisation as lib/appointments/caps.ts).
UPDATE "appointments" SET
	"cap_email" = CASE WHEN "email" IS NULL THEN NULL ELSE lower(regexp_replace(trim("email"), '\+[^@]*@', '@')) END,
	"cap_phone" = CASE
		WHEN "phone" IS NULL OR regexp_replace("phone", '\D', '', 'g') = '' THEN NULL
		WHEN regexp_replace("phone", '\D', '', 'g') LIKE '00%' THEN substr(regexp_replace("phone", '\D', '', 'g'), 3)
		WHEN regexp_replace("phone", '\D', '', 'g') LIKE '0%' THEN '31' || substr(regexp_replace("phone", '\D', '', 'g'), 2)
		ELSE regexp_replace("phone", '\D', '', 'g') END,
	"cap_v_numbers" = coalesce(ARRAY(SELECT DISTINCT p->>'vNumber' FROM jsonb_array_elements("person_list") p WHERE coalesce(p->>'vNumber', '') <> ''), '{}')
WHERE "status" = 'booked' AND "starts_at" > now();
