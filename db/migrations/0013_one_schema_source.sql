-- One schema source (issue 13): everything db/sql/*.sql used to re-apply at every start — functions, triggers,
-- grants, the indexes and the foreign key drizzle's schema does not hold, the reference data every install
-- needs, and the one-time backfills — now lives in migrations. Written to apply to a fresh database and to a
-- database of an earlier release that already has these objects (CREATE OR REPLACE, IF NOT EXISTS, DROP … IF
-- EXISTS, guarded DO blocks), in one transaction with the rest of the pending migrations (db/migrate.ts).
-- tests/schema-upgrade.test.ts holds a fresh database and one migrated from each earlier release identical.
-- Later changes to any of this are new migrations (README, "Schema changes").

-- ---- Appointments (issue 11 item 4: bots cannot empty the calendar) ----------------------------------------------
--
-- The caps per applicant identity are held by the database (lib/appointments/caps.ts): each function first takes a
-- transaction-level advisory lock per identity (in a fixed order, so two bookings never wait on each other
-- crosswise), then counts. The locks last until the caller's transaction commits, so the count and the insert that
-- follows it are one step for every other booking of that identity: N concurrent bookings for one email cannot
-- pass the cap. In a VOLATILE plpgsql function every query takes a fresh snapshot, so the count sees all bookings
-- committed by the transactions that held the lock before.;
--> statement-breakpoint
-- Public bookings: returns null when the booking may go ahead, else the identity whose cap is reached
-- ('email', 'phone', or 'v:<V-number>').
create or replace function appointment_identity_cap(p_product text, p_email text, p_phone text, p_v_numbers text[], p_cap int)
returns text language plpgsql volatile as $$
declare
  k bigint;
  v text;
begin
  for k in
    select distinct hashtextextended('appt-cap:' || p_product || ':' || x, 0)
    from unnest(array['e:' || p_email, 'p:' || p_phone] || coalesce((select array_agg('v:' || y) from unnest(p_v_numbers) y), '{}'::text[])) x
    where x is not null
    order by 1
  loop
    perform pg_advisory_xact_lock(k);
  end loop;
  if p_email is not null and (select count(*) from (
      select 1 from appointments where status = 'booked' and product_key = p_product and cap_email = p_email and starts_at > now() limit p_cap) c) >= p_cap then
    return 'email';
  end if;
  if p_phone is not null and (select count(*) from (
      select 1 from appointments where status = 'booked' and product_key = p_product and cap_phone = p_phone and starts_at > now() limit p_cap) c) >= p_cap then
    return 'phone';
  end if;
  foreach v in array coalesce(p_v_numbers, '{}'::text[]) loop
    if (select count(*) from (
        select 1 from appointments where status = 'booked' and product_key = p_product and cap_v_numbers @> array[v] and cap_v_numbers <> '{}' and starts_at > now() limit p_cap) c) >= p_cap then
      return 'v:' || v;
    end if;
  end loop;
  return null;
end $$;

-- Anonymous holds: true when the client (a keyed hash of its address) may hold one more slot.
create or replace function appointment_hold_allowed(p_client text, p_cap int)
returns boolean language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('appt-hold:' || p_client, 0));
  return (select count(*) from (
    select 1 from appointment_holds where client_key = p_client and expires_at > now() limit p_cap) c) < p_cap;
end $$;
--> statement-breakpoint
-- ---- Calls: reference data every installation needs (spec 03) --------------------------------------------------
-- The topics agents log calls under and the queue mappings of the KIC's numbers (0900 1234561 frontdesk, …) and of
-- the telephone system's queue names: not demo data — every install starts with them and admins edit them
-- (admin → Telephony). Seeded once: the settings flag keeps an admin's deletions from coming back, and a database
-- of an earlier release (seeded at its start by db/sql/calls.sql) has the flag already.
do $$
begin
  if not exists (select 1 from settings where key = 'calls.reference_seeded') then
    insert into call_topics (key, label_nl, label_en, position) values
      ('application_status', 'Status aanvraag', 'Application status', 1),
      ('appointment', 'Afspraak', 'Appointment', 2),
      ('documents', 'Documenten', 'Documents', 3),
      ('naturalisation', 'Naturalisatie', 'Naturalisation', 4),
      ('complaint', 'Klacht', 'Complaint', 5),
      ('other', 'Overig', 'Other', 6)
    on conflict do nothing;
    -- 0900 1234561 is the frontdesk number (seed); queue names as the telephone system names them.
    insert into call_queue_mappings (kind, pattern, queue) values
      ('number', '09001234561', 'frontdesk'),
      ('number', '09001234562', 'backoffice'),
      ('number', '09001234563', 'partners'),
      ('queue_name', 'frontdesk', 'frontdesk'),
      ('queue_name', 'backoffice', 'backoffice'),
      ('queue_name', 'partners', 'partners'),
      ('queue_name', 'kic-frontdesk', 'frontdesk'),
      ('queue_name', 'kic-backoffice', 'backoffice'),
      ('queue_name', 'kic-partners', 'partners')
    on conflict do nothing;
    insert into settings (key, value) values ('calls.reference_seeded', to_jsonb(now())) on conflict do nothing;
  end if;
end $$;
--> statement-breakpoint
-- ---- Customers (lib/customers/): the one matching rule for phone numbers ---------------------------------------
-- A phone number by its national significant digits: +31 6…, 0031 6…, 06… are one number. The same rule as
-- normalizePhone in lib/customers/phone.ts (tests/customers.test.ts holds the two to each other); the CTI
-- webhook matches the caller inside its one write statement with customers_with_phone.
create or replace function customers_normalize_phone(p text) returns text language sql immutable parallel safe as $$
  select nullif(case when d like '31%' and length(d) >= 11 then '0' || substr(d, 3) else d end, '')
  from (select case when d0 like '00%' then substr(d0, 3) else d0 end as d from (select regexp_replace(p, '\D', '', 'g') as d0) a) b
$$;
--> statement-breakpoint
-- Candidates by the last nine digits of customers.phone (customers_with_phone), whatever notation was stored.
create index if not exists customers_phone_last9_idx on customers (right(regexp_replace(phone, '\D', '', 'g'), 9));
--> statement-breakpoint
-- The customers whose phone is this number (as customers_normalize_phone gives it), oldest first: the last 9
-- digits find candidates by customers_phone_last9_idx, the normalised comparison keeps the real matches.
create or replace function customers_with_phone(n text) returns setof uuid language sql stable parallel safe as $$
  select id from customers
  where right(regexp_replace(phone, '\D', '', 'g'), 9) = right(n, 9) and customers_normalize_phone(phone) = n
  order by created_at limit 5
$$;
--> statement-breakpoint
-- The names these functions had when the calls capability owned them (db/sql/calls.sql). Instances of the previous
-- release still call them during a rolling upgrade; they answer by the customers module's rule. Drop them in a
-- migration of the release after this one.
create or replace function calls_normalize_phone(p text) returns text language sql immutable parallel safe as $$
  select customers_normalize_phone(p)
$$;
--> statement-breakpoint
create or replace function calls_customers_with_phone(n text) returns setof uuid language sql stable parallel safe as $$
  select customers_with_phone(n)
$$;
--> statement-breakpoint
-- ---- Complaints ---------------------------------------------------------------------------------------------
-- calls.complaint_id (db/schema/calls.ts, owned by the calls capability) points at a complaint; the FK is
-- added here because the complaints table belongs to this capability. Skipped when any FK already covers it.
do $$
begin
  if not exists (
    select 1 from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.conrelid = 'calls'::regclass and c.contype = 'f' and a.attname = 'complaint_id'
  ) then
    alter table calls add constraint calls_complaint_id_fkey foreign key (complaint_id) references complaints (id) on delete set null;
  end if;
end $$;
--> statement-breakpoint
-- ---- Dashboards (spec 05): call_daily_stats kept exact by statement-level triggers on calls ------------------------
--
-- Each statement on calls adds the contribution of its new rows and subtracts that of its old rows
-- (transition tables), grouped per (local day, queue, shard); groups whose delta is all zero are skipped, so an
-- update to the same values (a duplicate CTI event, a queue_log re-import upsert) writes nothing. Set-based,
-- so a bulk import of a million rows costs one grouped upsert, not a million.

-- Which of a day's rows (per queue) a call counts in (db/schema/dashboards.ts: why the rollup is sharded).
-- Always the same shard for one call, so each shard row is a valid total on its own.
create or replace function dashboards_stats_shard(call_id bigint) returns smallint language sql immutable parallel safe as $$
  select (call_id % 16)::smallint
$$;

-- What one call contributes: zero rows unless it is an inbound call that entered a queue (offered).
create or replace function dashboards_call_contrib(
  p_direction text, p_queue text, p_offered_at timestamptz, p_answered_at timestamptz,
  p_wait_seconds integer, p_talk_seconds integer, p_result text
) returns table (
  day date, queue text, offered int, answered int, abandoned int, wait_count int, wait_sum bigint,
  talk_count int, talk_sum bigint, w10 int, w15 int, w20 int, w30 int, w45 int, w60 int, w90 int,
  w120 int, w180 int, w300 int
) language sql immutable parallel safe as $$
  select d, p_queue, 1,
         a::int,
         (not a and p_result is not null)::int,
         (a and w is not null)::int, case when a then coalesce(w, 0) else 0 end,
         (a and p_talk_seconds is not null)::int, case when a then coalesce(p_talk_seconds, 0) else 0 end,
         coalesce(a and w <= 10, false)::int, coalesce(a and w <= 15, false)::int, coalesce(a and w <= 20, false)::int, coalesce(a and w <= 30, false)::int,
         coalesce(a and w <= 45, false)::int, coalesce(a and w <= 60, false)::int, coalesce(a and w <= 90, false)::int, coalesce(a and w <= 120, false)::int,
         coalesce(a and w <= 180, false)::int, coalesce(a and w <= 300, false)::int
  from (
    select (p_offered_at at time zone 'Europe/Amsterdam')::date as d,
           -- Answered: connected to an agent (spec 05); counted from the moment of connection.
           (p_answered_at is not null or coalesce(p_result in ('answered', 'transferred'), false)) as a,
           -- Wait: as reported, else from the timestamps, else unknown (left out of ASA and service level).
           -- (greatest() ignores nulls, hence the case.)
           coalesce(p_wait_seconds,
             case when p_answered_at is not null
               then greatest(0, floor(extract(epoch from p_answered_at - p_offered_at)))::int end) as w
  ) x
  where p_direction = 'in' and p_queue is not null
$$;

-- What one row of calls contributes, with its shard and its sign (+1 a new row, -1 an old one): the rows of
-- the triggers' transition tables become these, and dashboards_apply_call_contributions adds them up.
do $$
begin
  if not exists (select 1 from pg_type where typname = 'dashboards_call_contribution') then
    create type dashboards_call_contribution as (
      day date, queue text, offered int, answered int, abandoned int, wait_count int, wait_sum bigint,
      talk_count int, talk_sum bigint, w10 int, w15 int, w20 int, w30 int, w45 int, w60 int, w90 int,
      w120 int, w180 int, w300 int, shard smallint, sign int);
  end if;
end;
$$;

create or replace function dashboards_call_contributions(t calls, sign int) returns setof dashboards_call_contribution
language sql stable parallel safe as $$
  select c.*, dashboards_stats_shard(t.id), sign
  from dashboards_call_contrib(t.direction, t.queue, t.offered_at, t.answered_at, t.wait_seconds, t.talk_seconds, t.result) c
$$;

-- The one statement of every trigger (static SQL: plpgsql caches its plan, so a single CTI event costs well
-- under a millisecond). The transition tables are visible only to the trigger functions' own queries, so
-- each trigger passes its rows' contributions here as an array.
drop function if exists dashboards_apply_call_deltas(text);
drop function if exists dashboards_call_delta_sql(text);

create or replace function dashboards_apply_call_contributions(contributions dashboards_call_contribution[]) returns void
language plpgsql as $$
begin

    with d as (
      select day, queue, shard,
      sum(sign * offered) as offered,
      sum(sign * answered) as answered,
      sum(sign * abandoned) as abandoned,
      sum(sign * wait_count) as wait_count,
      sum(sign * wait_sum) as wait_sum,
      sum(sign * talk_count) as talk_count,
      sum(sign * talk_sum) as talk_sum,
      sum(sign * w10) as answered_within_10,
      sum(sign * w15) as answered_within_15,
      sum(sign * w20) as answered_within_20,
      sum(sign * w30) as answered_within_30,
      sum(sign * w45) as answered_within_45,
      sum(sign * w60) as answered_within_60,
      sum(sign * w90) as answered_within_90,
      sum(sign * w120) as answered_within_120,
      sum(sign * w180) as answered_within_180,
      sum(sign * w300) as answered_within_300
      from unnest(contributions) r
      group by day, queue, shard
      having sum(sign * offered) <> 0
        or sum(sign * answered) <> 0
        or sum(sign * abandoned) <> 0
        or sum(sign * wait_count) <> 0
        or sum(sign * wait_sum) <> 0
        or sum(sign * talk_count) <> 0
        or sum(sign * talk_sum) <> 0
        or sum(sign * w10) <> 0
        or sum(sign * w15) <> 0
        or sum(sign * w20) <> 0
        or sum(sign * w30) <> 0
        or sum(sign * w45) <> 0
        or sum(sign * w60) <> 0
        or sum(sign * w90) <> 0
        or sum(sign * w120) <> 0
        or sum(sign * w180) <> 0
        or sum(sign * w300) <> 0
    ),
    -- Existing days are updated in place; CHECK constraints see only the resulting totals.
    u as (
      update call_daily_stats s set
      offered = s.offered + d.offered,
      answered = s.answered + d.answered,
      abandoned = s.abandoned + d.abandoned,
      wait_count = s.wait_count + d.wait_count,
      wait_sum = s.wait_sum + d.wait_sum,
      talk_count = s.talk_count + d.talk_count,
      talk_sum = s.talk_sum + d.talk_sum,
      answered_within_10 = s.answered_within_10 + d.answered_within_10,
      answered_within_15 = s.answered_within_15 + d.answered_within_15,
      answered_within_20 = s.answered_within_20 + d.answered_within_20,
      answered_within_30 = s.answered_within_30 + d.answered_within_30,
      answered_within_45 = s.answered_within_45 + d.answered_within_45,
      answered_within_60 = s.answered_within_60 + d.answered_within_60,
      answered_within_90 = s.answered_within_90 + d.answered_within_90,
      answered_within_120 = s.answered_within_120 + d.answered_within_120,
      answered_within_180 = s.answered_within_180 + d.answered_within_180,
      answered_within_300 = s.answered_within_300 + d.answered_within_300
      from d where s.day = d.day and s.queue = d.queue and s.shard = d.shard
      returning s.day, s.queue, s.shard
    )
    insert into call_daily_stats as s (day, queue, shard, offered, answered, abandoned, wait_count, wait_sum, talk_count, talk_sum, answered_within_10, answered_within_15, answered_within_20, answered_within_30, answered_within_45, answered_within_60, answered_within_90, answered_within_120, answered_within_180, answered_within_300)
    select d.* from d where not exists (select 1 from u where u.day = d.day and u.queue = d.queue and u.shard = d.shard)
    order by day, queue, shard
    -- A day first written by a concurrent transaction meanwhile.
    on conflict (day, queue, shard) do update set
      offered = s.offered + excluded.offered,
      answered = s.answered + excluded.answered,
      abandoned = s.abandoned + excluded.abandoned,
      wait_count = s.wait_count + excluded.wait_count,
      wait_sum = s.wait_sum + excluded.wait_sum,
      talk_count = s.talk_count + excluded.talk_count,
      talk_sum = s.talk_sum + excluded.talk_sum,
      answered_within_10 = s.answered_within_10 + excluded.answered_within_10,
      answered_within_15 = s.answered_within_15 + excluded.answered_within_15,
      answered_within_20 = s.answered_within_20 + excluded.answered_within_20,
      answered_within_30 = s.answered_within_30 + excluded.answered_within_30,
      answered_within_45 = s.answered_within_45 + excluded.answered_within_45,
      answered_within_60 = s.answered_within_60 + excluded.answered_within_60,
      answered_within_90 = s.answered_within_90 + excluded.answered_within_90,
      answered_within_120 = s.answered_within_120 + excluded.answered_within_120,
      answered_within_180 = s.answered_within_180 + excluded.answered_within_180,
      answered_within_300 = s.answered_within_300 + excluded.answered_within_300;
end;
$$;

create or replace function dashboards_calls_rollup_ins() returns trigger language plpgsql as $$
begin
  perform dashboards_apply_call_contributions(array(select x from new_rows t, dashboards_call_contributions(t, 1) x));
  return null;
end;
$$;

create or replace function dashboards_calls_rollup_del() returns trigger language plpgsql as $$
begin
  perform dashboards_apply_call_contributions(array(select x from old_rows t, dashboards_call_contributions(t, -1) x));
  return null;
end;
$$;

create or replace function dashboards_calls_rollup_upd() returns trigger language plpgsql as $$
begin
  perform dashboards_apply_call_contributions(array(
    select x from new_rows t, dashboards_call_contributions(t, 1) x
    union all select x from old_rows t, dashboards_call_contributions(t, -1) x));
  return null;
end;
$$;
drop function if exists dashboards_calls_rollup() cascade;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
drop trigger if exists calls_dashboards_rollup_ins on calls;
create trigger calls_dashboards_rollup_ins after insert on calls
  referencing new table as new_rows for each statement execute function dashboards_calls_rollup_ins();
drop trigger if exists calls_dashboards_rollup_upd on calls;
create trigger calls_dashboards_rollup_upd after update on calls
  referencing old table as old_rows new table as new_rows for each statement execute function dashboards_calls_rollup_upd();
drop trigger if exists calls_dashboards_rollup_del on calls;
create trigger calls_dashboards_rollup_del after delete on calls
  referencing old table as old_rows for each statement execute function dashboards_calls_rollup_del();

-- TRUNCATE bypasses row and transition triggers: empty the rollup with it.
create or replace function dashboards_calls_truncated() returns trigger language plpgsql as $$
begin
  delete from call_daily_stats;
  return null;
end;
$$;
drop trigger if exists calls_dashboards_truncate on calls;
create trigger calls_dashboards_truncate after truncate on calls
  for each statement execute function dashboards_calls_truncated();

-- For operators (after a bulk load with triggers disabled, or to check): recompute the rollup from calls.
-- Blocks writes to calls meanwhile, so nothing can slip between the read and the rewrite.
create or replace function dashboards_rebuild_call_rollups() returns bigint language plpgsql as $$
declare
  n bigint;
begin
  lock table calls in share mode;
  delete from call_daily_stats;
  insert into call_daily_stats (day, queue, shard, offered, answered, abandoned, wait_count, wait_sum, talk_count,
    talk_sum, answered_within_10, answered_within_15, answered_within_20, answered_within_30,
    answered_within_45, answered_within_60, answered_within_90, answered_within_120, answered_within_180,
    answered_within_300)
  select c.day, c.queue, dashboards_stats_shard(t.id), sum(c.offered), sum(c.answered), sum(c.abandoned), sum(c.wait_count), sum(c.wait_sum),
    sum(c.talk_count), sum(c.talk_sum), sum(c.w10), sum(c.w15), sum(c.w20), sum(c.w30), sum(c.w45), sum(c.w60),
    sum(c.w90), sum(c.w120), sum(c.w180), sum(c.w300)
  from calls t
  cross join lateral dashboards_call_contrib(t.direction, t.queue, t.offered_at, t.answered_at, t.wait_seconds,
    t.talk_seconds, t.result) c
  group by c.day, c.queue, dashboards_stats_shard(t.id);
  get diagnostics n = row_count;
  return n;
end;
$$;

-- The rollup's key with the shard (migration 0007 added the column; db/migrations/0007 says why the key
-- changes here). The pending migrations run as one transaction, so no trigger ever sees the new key with the old
-- functions or the old key with the new ones; writers of calls wait for its lock meanwhile.
do $$
begin
  if exists (select 1 from pg_constraint where conname = 'call_daily_stats_day_queue_pk') then
    alter table call_daily_stats drop constraint call_daily_stats_day_queue_pk;
  end if;
  if not exists (select 1 from pg_constraint where conname = 'call_daily_stats_day_queue_shard_pk') then
    alter table call_daily_stats add constraint call_daily_stats_day_queue_shard_pk primary key (day, queue, shard);
  end if;
end;
$$;

-- Once, when the rollup gained its shards (migration 0007): the rows written before sit in shard 0, so
-- rebuild them into each call's own shard.
do $$
begin
  if not exists (select 1 from settings where key = 'dashboards.rollup_sharded') then
    if exists (select 1 from calls) then
      perform dashboards_rebuild_call_rollups();
    end if;
    insert into settings (key, value) values ('dashboards.rollup_sharded', to_jsonb(now())) on conflict do nothing;
  end if;
end;
$$;

-- First install on a database that already has calls: fill the rollup once.
do $$
begin
  if not exists (select 1 from call_daily_stats) and exists (select 1 from calls) then
    perform dashboards_rebuild_call_rollups();
  end if;
end;
$$;
--> statement-breakpoint
-- ---- Privacy (AVG/GDPR): the audit trail is append-only ----------------------------------------------------------
--
-- The event log (`events`: every change to a case and every read of a person's data, lib/platform/events.ts
-- and lib/privacy/audit.ts) is append-only. Nothing in the app updates or deletes an event: the retention job
-- and erasure requests (lib/privacy/) anonymise the records events point at, and events hold no personal data
-- themselves, so they never need rewriting.
--
-- 1. A trigger refuses UPDATE, DELETE and TRUNCATE for every role, the table's owner included (the app
--    connects as the owner on a laptop and in small installs). Only a deliberate `ALTER TABLE events DISABLE
--    TRIGGER`, by the owner or a superuser, gets past it — an operator's act, not the app's.
-- 2. Where the app runs as a role that does not own the table (the recommended production set-up, README
--    "Privacy"), that role also lacks the privileges: they are revoked from PUBLIC and from every role but the
--    owner here. A later careless `GRANT ALL` is not undone by itself any more (nothing runs DDL at start): the
--    trigger of 1. still refuses the rewrite, and README "Privacy" tells the operator which rights to grant.

create or replace function events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'events are append-only: % on events is not allowed', tg_op
    using errcode = '42501', hint = 'The audit trail is never rewritten; anonymise the record the event points at instead.';
end;
$$;

do $$
begin
  if not exists (select 1 from pg_trigger where tgrelid = 'events'::regclass and tgname = 'events_append_only_rows') then
    create trigger events_append_only_rows before update or delete on events
      for each row execute function events_append_only();
  end if;
  if not exists (select 1 from pg_trigger where tgrelid = 'events'::regclass and tgname = 'events_append_only_truncate') then
    create trigger events_append_only_truncate before truncate on events
      for each statement execute function events_append_only();
  end if;
end;
$$;

revoke update, delete, truncate on events from public;

do $$
declare
  r record;
begin
  for r in
    select distinct a.grantee::regrole::text as role
    from pg_class c, aclexplode(c.relacl) a
    where c.oid = 'events'::regclass and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')
      and a.grantee <> c.relowner and a.grantee <> 0
  loop
    execute format('revoke update, delete, truncate on events from %s', r.role);
  end loop;
end;
$$;
--> statement-breakpoint
-- ---- Tickets ------------------------------------------------------------------------------------------------
-- Search over subject, bodies, customer name and address (spec 02): trigram indexes for ILIKE '%q%'.
create extension if not exists pg_trgm;
create index if not exists tickets_subject_trgm on tickets using gin (subject gin_trgm_ops);
create index if not exists ticket_messages_text_trgm on ticket_messages using gin (text_body gin_trgm_ops);
create index if not exists customers_search_trgm on customers using gin ((coalesce(name, '') || ' ' || coalesce(email, '')) gin_trgm_ops);

-- Issue 11 item 7: mail to the complaints mailbox stays in the complaints queue, readable only by the roles
-- that handle complaints (lib/tickets/access.ts). No ticket moves into or out of that queue, and no message
-- moves across it (a merge), whatever the application asks.
create or replace function tickets_complaints_queue_sealed() returns trigger language plpgsql as $$
begin
  if (old.queue = 'complaints') <> (new.queue = 'complaints') then
    raise exception 'a ticket cannot move into or out of the complaints queue'
      using errcode = 'check_violation', constraint = 'tickets_complaints_queue_sealed';
  end if;
  return new;
end $$;
drop trigger if exists tickets_complaints_queue_sealed on tickets;
create trigger tickets_complaints_queue_sealed before update of queue on tickets
  for each row execute function tickets_complaints_queue_sealed();

create or replace function ticket_messages_complaints_sealed() returns trigger language plpgsql as $$
begin
  if new.ticket_id <> old.ticket_id and
     (select queue = 'complaints' from tickets where id = old.ticket_id) <> (select queue = 'complaints' from tickets where id = new.ticket_id) then
    raise exception 'a message cannot move into or out of the complaints queue'
      using errcode = 'check_violation', constraint = 'ticket_messages_complaints_sealed';
  end if;
  return new;
end $$;
drop trigger if exists ticket_messages_complaints_sealed on ticket_messages;
create trigger ticket_messages_complaints_sealed before update of ticket_id on ticket_messages
  for each row execute function ticket_messages_complaints_sealed();
