ALTER TABLE "tickets" DROP CONSTRAINT "tickets_queue_check";--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "claim_token" uuid;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "auth_results" jsonb;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_lease_check" CHECK (("outbound_emails"."claim_token" is null) = ("outbound_emails"."lease_until" is null));--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_queue_check" CHECK (queue in ('frontdesk','backoffice','partners','complaints'));--> statement-breakpoint
-- Issue 11 item 7: mail that came to a complaints mailbox leaves the agents' queues for the complaints queue
-- (the complaint created from it names its message; the tag `klacht` alone is not proof, agents set tags).
UPDATE "tickets" SET "queue" = 'complaints'
WHERE "id" IN (SELECT m."ticket_id" FROM "ticket_messages" m JOIN "complaints" c ON c."inbound_message_id" = m."id"::text);
