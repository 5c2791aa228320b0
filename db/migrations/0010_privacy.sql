ALTER TABLE "appointments" DROP CONSTRAINT "appointments_contact_check";--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_contact";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "events_read_customers_idx" ON "events" USING gin (("data" -> 'customers')) WHERE "events"."action" = 'read';--> statement-breakpoint
CREATE INDEX "calls_not_anonymised_idx" ON "calls" USING btree ("offered_at") WHERE anonymised_at is null;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_contact_check" CHECK ("appointments"."email" is not null or "appointments"."phone" is not null or "appointments"."anonymised_at" is not null);--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_contact" CHECK (imported_at is not null or anonymised_at is not null or complainant_email is not null or complainant_address is not null or complainant_phone is not null);--> statement-breakpoint
-- Event data written before the access log and retention work (lib/privacy/) held a few personal details: the
-- sender of inbound mail, an appointment search term, call notes, complaint notes, staff addresses. Removed
-- once here, before db/sql/privacy.sql makes the events table append-only; new events no longer carry them.
UPDATE "events" SET "data" = "data" - 'from' WHERE "entity_type" = 'ticket' AND "action" IN ('created', 'message_received', 'reopened') AND "data" ? 'from';--> statement-breakpoint
UPDATE "events" SET "data" = "data" - 'q' WHERE "entity_type" = 'appointment' AND "action" = 'search' AND "data" ? 'q';--> statement-breakpoint
UPDATE "events" SET "data" = "data" - 'notes' WHERE "entity_type" = 'call' AND "action" = 'updated' AND "data" ? 'notes';--> statement-breakpoint
UPDATE "events" SET "data" = "data" - 'note' WHERE "entity_type" = 'complaint' AND "action" = 'resolved_informally' AND "data" ? 'note';--> statement-breakpoint
UPDATE "events" SET "data" = "data" - 'reason' WHERE "entity_type" = 'complaint' AND "action" = 'hearing_skipped' AND "data" ? 'reason';--> statement-breakpoint
UPDATE "events" SET "data" = "data" - 'personConcerned' WHERE "entity_type" = 'complaint' AND "action" IN ('assigned', 'updated') AND "data" ? 'personConcerned';--> statement-breakpoint
UPDATE "events" SET "data" = "data" - 'to' WHERE "entity_type" = 'complaint' AND "action" = 'reminder_sent' AND "data" ? 'to';--> statement-breakpoint
UPDATE "events" SET "data" = "data" - 'email' WHERE "entity_type" = 'user' AND "action" = 'created' AND "data" ? 'email';
