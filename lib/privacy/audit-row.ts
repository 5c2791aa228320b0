import crypto from "node:crypto";
import type { Actor } from "@/lib/auth/roles";

/** What one read showed, for the access log (lib/privacy/audit.ts). Pure: the row is built here. */
export type ReadAudit = {
  /** What kind of record: `call`, `ticket`, `ticket_attachment`, `ticket_raw_source`, `complaint`, … */
  entityType: string;
  /** One record (a detail view, a download), named as the API names it: ticket number, call id, reference. */
  id?: string | number;
  /** A list: the records the answer showed (one row per request, not one per record). */
  ids?: readonly (string | number)[];
  /** Whose data the answer showed (customer ids), so a person's reads can be found. */
  customers?: readonly (string | null | undefined)[];
  /** Why: the screen or export that read it (`inbox`, `ticket_view`, `call_list`, `subject_export`…). */
  purpose: string;
  /** The list's filters that are not personal data (queue, status, dates, paging). */
  filters?: Record<string, string | number | boolean | null | undefined | readonly string[]>;
  /** A free-text search term: never stored, only its keyed digest. */
  search?: string | null;
  /** Polling screens: the same actor and records within this many minutes add no row. */
  dedupeMinutes?: number;
};

export type ReadAuditRow = {
  actorId: string | null;
  actorLabel: string;
  entityType: string;
  entityId: string;
  data: {
    purpose: string;
    count?: number;
    ids?: (string | number)[];
    customers?: string[];
    filters?: Record<string, unknown>;
    search?: string;
  };
};

/** A list's ids beyond this many are counted, not listed (a 2,000-row export page stays one small row). */
export const MAX_LOGGED_IDS = 1000;

/**
 * The event row of one read. A single record is its own entity id; a list gets `list:<digest>` of what it
 * showed, so that a polling screen showing the same list again is recognised (dedupe) and a changed list is not.
 */
export function readAuditRow(actor: Actor, a: ReadAudit, searchDigest?: string): ReadAuditRow {
  const customers = [...new Set((a.customers ?? []).filter((c): c is string => !!c))].slice(0, MAX_LOGGED_IDS);
  const filters = a.filters
    ? Object.fromEntries(Object.entries(a.filters).filter(([, v]) => v !== undefined && v !== null && v !== ""))
    : undefined;
  const data: ReadAuditRow["data"] = { purpose: a.purpose };
  let entityId: string;
  if (a.id !== undefined) {
    entityId = String(a.id);
  } else {
    const ids = [...(a.ids ?? [])];
    data.count = ids.length;
    data.ids = ids.slice(0, MAX_LOGGED_IDS);
    const digest = crypto
      .createHash("sha256")
      .update(JSON.stringify([a.purpose, ids, filters ?? {}, searchDigest ?? ""]))
      .digest("hex")
      .slice(0, 16);
    entityId = `list:${digest}`;
  }
  if (customers.length) data.customers = customers;
  if (filters && Object.keys(filters).length) data.filters = filters;
  if (searchDigest) data.search = searchDigest;
  return {
    actorId: actor.kind === "user" ? actor.id : null,
    actorLabel: actor.name,
    entityType: a.entityType,
    entityId,
    data,
  };
}
