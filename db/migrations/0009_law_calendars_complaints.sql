CREATE TABLE "atw_decree_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" date NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"decree" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "atw_decree_days_decree_check" CHECK (length("atw_decree_days"."decree") between 5 and 500)
);
--> statement-breakpoint
CREATE TABLE "complaint_categories" (
	"key" text PRIMARY KEY NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_categories_key_check" CHECK ("complaint_categories"."key" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "complaint_categories_label_check" CHECK (length("complaint_categories"."label_nl") between 1 and 80 and length("complaint_categories"."label_en") between 1 and 80)
);
--> statement-breakpoint
ALTER TABLE "extra_holidays" RENAME TO "office_closed_days";--> statement-breakpoint
ALTER TABLE "desks" DROP CONSTRAINT "desks_calendar_check";--> statement-breakpoint
ALTER TABLE "office_closed_days" DROP CONSTRAINT "extra_holidays_calendar_check";--> statement-breakpoint
ALTER TABLE "complaint_letters" DROP CONSTRAINT "complaint_letters_kind_check";--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_outcome_check";--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_closed_as_check";--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_decision_complete";--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_hearing_one_of";--> statement-breakpoint
DROP INDEX "extra_holidays_calendar_day_key";--> statement-breakpoint
ALTER TABLE "office_closed_days" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "category" text DEFAULT 'overig' NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "oral_rule" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "deadline_steps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "hearing_skip_ground" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "hearing_offered_to" text[];--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "withdrawal_note" text;--> statement-breakpoint
-- Data (hand-added to the generated migration): desks and closed days per island, the IND's categories,
-- the ordered deadline steps of existing complaints, and which rule applied to existing oral complaints.
UPDATE "desks" SET "holiday_calendar" = CASE WHEN "code" IN ('BON','EUX','SAB') THEN "code" ELSE 'BON' END WHERE "holiday_calendar" = 'BES';--> statement-breakpoint
INSERT INTO "office_closed_days" ("calendar", "day", "name", "created_at") SELECT i, "day", "name", "created_at" FROM "office_closed_days", unnest(array['BON','EUX','SAB']) AS i WHERE "calendar" = 'BES';--> statement-breakpoint
DELETE FROM "office_closed_days" WHERE "calendar" = 'BES';--> statement-breakpoint
INSERT INTO "complaint_categories" ("key", "label_nl", "label_en", "position") VALUES
	('behandelduur', 'Behandelduur', 'Processing time', 1),
	('dienstverlening', 'Dienstverlening', 'Service', 2),
	('bejegening', 'Bejegening', 'Conduct of staff', 3),
	('nationale_ombudsman', 'Nationale ombudsman', 'National Ombudsman', 4),
	('beleid', 'Beleid', 'Policy', 5),
	('it', 'IT', 'IT', 6),
	('overig', 'Overig', 'Other', 7)
ON CONFLICT ("key") DO NOTHING;--> statement-breakpoint
UPDATE "complaints" SET "category" = CASE "subject"
	WHEN 'processing_time' THEN 'behandelduur'
	WHEN 'treatment' THEN 'bejegening'
	WHEN 'information' THEN 'dienstverlening'
	WHEN 'accessibility' THEN 'dienstverlening'
	WHEN 'desk_visit' THEN 'dienstverlening'
	WHEN 'decision_quality' THEN 'beleid'
	ELSE 'overig' END;--> statement-breakpoint
UPDATE "complaints" SET "deadline_steps" =
	(CASE WHEN "advisory_committee" THEN jsonb_build_array(jsonb_build_object('kind', 'committee', 'on', "received_on")) ELSE '[]'::jsonb END)
	|| (CASE WHEN "postponed_until" IS NOT NULL AND "postponement_notice_on" IS NOT NULL
		THEN jsonb_build_array(jsonb_build_object('kind', 'postponed', 'until', "postponed_until", 'noticeSentOn', "postponement_notice_on")) ELSE '[]'::jsonb END)
	|| coalesce((SELECT jsonb_agg(jsonb_build_object('kind', 'consent', 'until', c->>'until', 'consentOn', c->>'consentOn') ORDER BY c->>'until')
		FROM jsonb_array_elements("consent_postponements") AS c), '[]'::jsonb)
WHERE "advisory_committee" OR ("postponed_until" IS NOT NULL AND "postponement_notice_on" IS NOT NULL) OR jsonb_array_length("consent_postponements") > 0;--> statement-breakpoint
UPDATE "complaints" SET "oral_rule" = 'written_procedure' WHERE "channel" IN ('phone','desk') AND "imported_at" IS NULL;--> statement-breakpoint
ALTER TABLE "atw_decree_days" ADD CONSTRAINT "atw_decree_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "atw_decree_days_day_key" ON "atw_decree_days" USING btree ("day");--> statement-breakpoint
ALTER TABLE "office_closed_days" ADD CONSTRAINT "office_closed_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_complaint_categories_key_fk" FOREIGN KEY ("category") REFERENCES "public"."complaint_categories"("key") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "office_closed_days_calendar_day_key" ON "office_closed_days" USING btree ("calendar","day");--> statement-breakpoint
CREATE INDEX "complaints_category_idx" ON "complaints" USING btree ("category");--> statement-breakpoint
ALTER TABLE "desks" ADD CONSTRAINT "desks_calendar_check" CHECK ("desks"."holiday_calendar" in ('NL','BON','EUX','SAB'));--> statement-breakpoint
ALTER TABLE "office_closed_days" ADD CONSTRAINT "office_closed_days_calendar_check" CHECK ("office_closed_days"."calendar" in ('NL','BON','EUX','SAB'));--> statement-breakpoint
ALTER TABLE "complaint_letters" ADD CONSTRAINT "complaint_letters_kind_check" CHECK (kind in ('acknowledgement','postponement','consent_postponement','decline','informal','hearing','decision','withdrawal'));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_withdrawn_complete" CHECK ((withdrawn_on is not null) = (closed_as is not distinct from 'withdrawn') and (withdrawn_on is not null) = (outcome is not distinct from 'withdrawn') and (withdrawn_on is null or closed_on = withdrawn_on));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_hearing_skip_ground_check" CHECK (hearing_skip_ground is null or hearing_skip_ground in ('manifestly_unfounded','complainant_waived','no_reply_in_time'));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_hearing_offered_check" CHECK (hearing_offered_to is null or hearing_offered_to <@ array['complainant','person_concerned']::text[]);--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_oral_rule_check" CHECK (oral_rule is null or (oral_rule in ('resolved_at_once','written_procedure') and channel in ('phone','desk')));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_deadline_steps_check" CHECK (jsonb_typeof(deadline_steps) = 'array');--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_outcome_check" CHECK (outcome is null or outcome in ('founded','partly_founded','unfounded','no_judgement','withdrawn'));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_closed_as_check" CHECK (closed_as is null or closed_as in ('decided','declined','informal','withdrawn'));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_decision_complete" CHECK ((decided_on is null) = (outcome is null or outcome = 'withdrawn'));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_hearing_one_of" CHECK (hearing_report is null or (hearing_skipped_because is null and hearing_skip_ground is null));