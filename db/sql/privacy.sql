-- Privacy (AVG/GDPR) and the audit trail: idempotent, applied after the migrations at every start.
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
--    owner at each start, so a careless `GRANT ALL` is undone.

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
