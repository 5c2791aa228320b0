-- Dashboards (spec 05): call_daily_stats kept exact by statement-level triggers on calls.
-- Idempotent: applied after the migrations at every start.
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
-- changes here). This file runs as one transaction, so no trigger ever sees the new key with the old
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
