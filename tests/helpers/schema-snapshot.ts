import pg from "pg";

/**
 * The schema of a database's `public` schema as plain, sorted text lines, read from the system catalogs: tables,
 * views and sequences with their grants; columns with type, default, nullability, identity and generation;
 * constraints and indexes by their definitions; functions by their full definitions and grants; triggers;
 * composite and enum types; row-level security; extensions; and the reference data every install needs. Two
 * databases with equal snapshots have the same schema whatever path built them (tests/schema-upgrade.test.ts).
 * Column order is not compared (a column added by an upgrade lands last either way); extension members are
 * not listed one by one (the extension and its version are).
 */
export async function schemaSnapshot(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const lines: string[] = [];
    const q = async (label: string, text: string) => {
      const { rows } = await c.query(text);
      for (const r of rows) lines.push(`${label} ${Object.values(r).map(String).join(" | ")}`);
    };
    // Objects that belong to an extension (pg_trgm's functions and operators).
    const notExtensionMember = (classid: string, oid: string) =>
      `not exists (select 1 from pg_depend d where d.classid = '${classid}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

    await q("extension", `select extname, extversion from pg_extension where extname <> 'plpgsql'`);
    await q("schema-acl", `select nspname, coalesce(nspacl::text, '') from pg_namespace where nspname = 'public'`);
    await q(
      "relation",
      `select c.relname, c.relkind, coalesce(c.relacl::text, ''), c.relrowsecurity, coalesce(array_to_string(c.reloptions, ','), '')
       from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
         and ${notExtensionMember("pg_class", "c.oid")}`,
    );
    await q(
      "column",
      `select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, coalesce(pg_get_expr(d.adbin, d.adrelid), ''),
              a.attidentity, a.attgenerated, coalesce(co.collname, '')
       from pg_attribute a join pg_class c on c.oid = a.attrelid
       left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
       left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 100
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'c', 'f') and a.attnum > 0 and not a.attisdropped
         and ${notExtensionMember("pg_class", "c.oid")}`,
    );
    await q(
      "constraint",
      `select coalesce(c.relname, t.typname), con.conname, pg_get_constraintdef(con.oid, true), con.condeferrable, con.convalidated
       from pg_constraint con left join pg_class c on c.oid = con.conrelid left join pg_type t on t.oid = con.contypid
       where con.connamespace = 'public'::regnamespace`,
    );
    await q("index", `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'`);
    await q(
      "view",
      `select viewname, pg_get_viewdef(format('public.%I', viewname)::regclass, true) from pg_views where schemaname = 'public'`,
    );
    await q(
      "sequence",
      `select sequencename, data_type, start_value, increment_by, min_value, max_value, cycle from pg_sequences where schemaname = 'public'`,
    );
    await q(
      "function",
      `select p.proname, pg_get_function_identity_arguments(p.oid), p.prokind,
              case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) else '' end, coalesce(p.proacl::text, '')
       from pg_proc p where p.pronamespace = 'public'::regnamespace and ${notExtensionMember("pg_proc", "p.oid")}`,
    );
    await q(
      "trigger",
      `select c.relname, t.tgname, pg_get_triggerdef(t.oid, true), t.tgenabled
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where c.relnamespace = 'public'::regnamespace and not t.tgisinternal`,
    );
    await q(
      "type",
      `select t.typname, t.typtype, coalesce((select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid), '')
       from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype in ('c', 'e', 'd', 'r')
         and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')
         and ${notExtensionMember("pg_type", "t.oid")}`,
    );
    await q(
      "policy",
      `select tablename, policyname, permissive, roles::text, cmd, coalesce(qual, ''), coalesce(with_check, '') from pg_policies where schemaname = 'public'`,
    );
    // Reference data every install needs (migrations 0009 and 0013), by key.
    await q("call-topic", `select key, label_nl, label_en, position from call_topics`);
    await q("call-queue-mapping", `select kind, pattern, queue from call_queue_mappings`);
    await q("complaint-category", `select key, label_nl, label_en, position from complaint_categories`);
    return lines.sort();
  } finally {
    await c.end();
  }
}
