-- Search over subject, bodies, customer name and address (spec 02): trigram indexes for ILIKE '%q%'.
create extension if not exists pg_trgm;
create index if not exists tickets_subject_trgm on tickets using gin (subject gin_trgm_ops);
create index if not exists ticket_messages_text_trgm on ticket_messages using gin (text_body gin_trgm_ops);
create index if not exists customers_search_trgm on customers using gin ((coalesce(name, '') || ' ' || coalesce(email, '')) gin_trgm_ops);
