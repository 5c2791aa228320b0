-- Complaints (spec 04): idempotent extras applied after the migrations at every start.

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
