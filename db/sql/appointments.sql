-- Issue 11 item 4: bots cannot empty the calendar. Idempotent; re-applied at every start (db/migrate.ts).
--
-- The caps per applicant identity are held by the database: each function first takes a transaction-level
-- advisory lock per identity (in a fixed order, so two bookings never wait on each other crosswise), then
-- counts. The locks last until the caller's transaction commits, so the count and the insert that follows it
-- are one step for every other booking of that identity: N concurrent bookings for one email cannot pass the
-- cap. In a VOLATILE plpgsql function every query takes a fresh snapshot, so the count sees all bookings
-- committed by the transactions that held the lock before.

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
