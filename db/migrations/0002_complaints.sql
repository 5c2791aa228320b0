CREATE SEQUENCE "public"."complaint_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "complaint_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_attachments_size_check" CHECK (size between 1 and 10485760 and size = octet_length(data))
);
--> statement-breakpoint
CREATE TABLE "complaint_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text DEFAULT 'complainant' NOT NULL,
	"delivery" text NOT NULL,
	"to_address" text,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"sent_on" date NOT NULL,
	"outbound_email_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_letters_kind_check" CHECK (kind in ('acknowledgement','postponement','consent_postponement','decline','informal','hearing','decision')),
	CONSTRAINT "complaint_letters_recipient_check" CHECK (recipient in ('complainant','person_concerned')),
	CONSTRAINT "complaint_letters_delivery_check" CHECK (delivery in ('email','post')),
	CONSTRAINT "complaint_letters_language_check" CHECK (language in ('nl','en'))
);
--> statement-breakpoint
CREATE TABLE "complaint_reminders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaint_reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_reminders_kind_check" CHECK (kind in ('handler_2_weeks','handler_3_working_days','supervisors_overdue'))
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"complainant_name" text NOT NULL,
	"complainant_email" text,
	"complainant_address" text,
	"complainant_phone" text,
	"v_number" text,
	"customer_id" uuid,
	"language" text DEFAULT 'nl' NOT NULL,
	"description" text NOT NULL,
	"happened_when" text,
	"person_concerned" text,
	"person_concerned_id" uuid,
	"subject" text DEFAULT 'other' NOT NULL,
	"handler_id" uuid,
	"advisory_committee" boolean DEFAULT false NOT NULL,
	"deadline" date NOT NULL,
	"acknowledged_on" date,
	"postponed_until" date,
	"postponement_notice_on" date,
	"consent_postponements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decline_reason" text,
	"declined_on" date,
	"informal_on" date,
	"informal_note" text,
	"hearing_on" date,
	"hearing_report" text,
	"hearing_skipped_because" text,
	"outcome" text,
	"decision_reasons" text,
	"decided_on" date,
	"closed_as" text,
	"closed_on" date,
	"inbound_message_id" text,
	"imported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_channel_check" CHECK (channel in ('web','email','letter','phone','desk')),
	CONSTRAINT "complaints_status_check" CHECK (status in ('triage','open','closed')),
	CONSTRAINT "complaints_language_check" CHECK (language in ('nl','en')),
	CONSTRAINT "complaints_subject_check" CHECK (subject in ('processing_time','treatment','information','decision_quality','accessibility','desk_visit','other')),
	CONSTRAINT "complaints_outcome_check" CHECK (outcome is null or outcome in ('founded','partly_founded','unfounded','no_judgement')),
	CONSTRAINT "complaints_closed_as_check" CHECK (closed_as is null or closed_as in ('decided','declined','informal')),
	CONSTRAINT "complaints_closed_check" CHECK ((status = 'closed') = (closed_on is not null)),
	CONSTRAINT "complaints_closed_after_receipt" CHECK (closed_on is null or closed_on >= received_on),
	CONSTRAINT "complaints_received_not_after_creation" CHECK (imported_at is not null or received_on <= (created_at at time zone 'Europe/Amsterdam')::date),
	CONSTRAINT "complaints_deadline_after_receipt" CHECK (deadline > received_on),
	CONSTRAINT "complaints_ack_after_receipt" CHECK (acknowledged_on is null or acknowledged_on >= received_on),
	CONSTRAINT "complaints_decided_after_receipt" CHECK (decided_on is null or decided_on >= received_on),
	CONSTRAINT "complaints_decision_complete" CHECK ((decided_on is null) = (outcome is null)),
	CONSTRAINT "complaints_decline_complete" CHECK ((declined_on is null) = (decline_reason is null)),
	CONSTRAINT "complaints_hearing_one_of" CHECK (hearing_report is null or hearing_skipped_because is null),
	CONSTRAINT "complaints_postpone_pair" CHECK (imported_at is not null or (postponed_until is null) = (postponement_notice_on is null)),
	CONSTRAINT "complaints_contact" CHECK (imported_at is not null or complainant_email is not null or complainant_address is not null or complainant_phone is not null)
);
--> statement-breakpoint
ALTER TABLE "complaint_attachments" ADD CONSTRAINT "complaint_attachments_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_letters" ADD CONSTRAINT "complaint_letters_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_letters" ADD CONSTRAINT "complaint_letters_outbound_email_id_outbound_emails_id_fk" FOREIGN KEY ("outbound_email_id") REFERENCES "public"."outbound_emails"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_reminders" ADD CONSTRAINT "complaint_reminders_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_person_concerned_id_users_id_fk" FOREIGN KEY ("person_concerned_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_attachments_complaint_idx" ON "complaint_attachments" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_letters_complaint_idx" ON "complaint_letters" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_reminders_once_key" ON "complaint_reminders" USING btree ("complaint_id","kind","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_reference_key" ON "complaints" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_inbound_message_key" ON "complaints" USING btree ("inbound_message_id") WHERE "complaints"."inbound_message_id" is not null;--> statement-breakpoint
CREATE INDEX "complaints_open_deadline_idx" ON "complaints" USING btree ("deadline") WHERE "complaints"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "complaints_received_idx" ON "complaints" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "complaints_closed_idx" ON "complaints" USING btree ("closed_on");--> statement-breakpoint
CREATE INDEX "complaints_handler_idx" ON "complaints" USING btree ("handler_id");--> statement-breakpoint
CREATE INDEX "complaints_customer_idx" ON "complaints" USING btree ("customer_id");