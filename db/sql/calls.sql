-- Calls capability: reference data every installation needs (spec 03). Seeded once — a flag in settings
-- marks it done, so that an admin who removes a mapping or topic does not see it come back at the next start.
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

-- The screen pop finds callers by phone number however it was written (+31 6…, 06…): an index on the last
-- nine digits of customers.phone (the shared customers table; this index serves only that lookup).
create index if not exists customers_phone_last9_idx on customers (right(regexp_replace(phone, '\D', '', 'g'), 9));

-- A phone number by its national significant digits: +31 6…, 0031 6…, 06… are one number. The same rule as
-- normalizePhone in lib/calls/cti.ts (a test holds the two to each other); the CTI webhook matches the
-- caller inside its one write statement with it.
create or replace function calls_normalize_phone(p text) returns text language sql immutable parallel safe as $$
  select nullif(case when d like '31%' and length(d) >= 11 then '0' || substr(d, 3) else d end, '')
  from (select case when d0 like '00%' then substr(d0, 3) else d0 end as d from (select regexp_replace(p, '\D', '', 'g') as d0) a) b
$$;

-- The customers whose phone is this number (as normalizePhone gives it), oldest first: the last 9 digits find
-- candidates by customers_phone_last9_idx, the normalised comparison keeps the real matches.
create or replace function calls_customers_with_phone(n text) returns setof uuid language sql stable parallel safe as $$
  select id from customers
  where right(regexp_replace(phone, '\D', '', 'g'), 9) = right(n, 9) and calls_normalize_phone(phone) = n
  order by created_at limit 5
$$;
