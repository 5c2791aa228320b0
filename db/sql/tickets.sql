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
