import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { MAX_LOGGED_IDS, readAuditRow } from "./audit-row";

const agent: Actor = { kind: "user", id: "00000000-0000-0000-0000-000000000001", name: "Agent A", role: "backoffice", deskCodes: [] };
const key: Actor = { kind: "apikey", id: "k", name: "API key crm", role: "backoffice", deskCodes: [] };

describe("the access-log row of a read", () => {
  it("names one record by its id", () => {
    expect(readAuditRow(agent, { entityType: "call", id: 42, customers: ["c1", null], purpose: "call_view" })).toEqual({
      actorId: agent.id,
      actorLabel: "Agent A",
      entityType: "call",
      entityId: "42",
      data: { purpose: "call_view", customers: ["c1"] },
    });
  });

  it("names a list by a digest of what it showed, with the ids, the count and the filters", () => {
    const a = readAuditRow(
      key,
      {
        entityType: "ticket",
        ids: [3, 1, 2],
        customers: ["c1", "c1", "c2"],
        purpose: "inbox",
        filters: { queue: ["frontdesk"], assignee: undefined, q: "" },
      },
      "d1",
    );
    expect(a.actorId).toBeNull();
    expect(a.entityId).toMatch(/^list:[0-9a-f]{16}$/);
    expect(a.data).toEqual({
      purpose: "inbox",
      count: 3,
      ids: [3, 1, 2],
      customers: ["c1", "c2"],
      filters: { queue: ["frontdesk"] },
      search: "d1",
    });
    // The same list again is the same entity (a polling screen is recognised); another list or term is not.
    expect(
      readAuditRow(key, { entityType: "ticket", ids: [3, 1, 2], purpose: "inbox", filters: { queue: ["frontdesk"] } }, "d1").entityId,
    ).toBe(a.entityId);
    expect(
      readAuditRow(key, { entityType: "ticket", ids: [3, 1], purpose: "inbox", filters: { queue: ["frontdesk"] } }, "d1").entityId,
    ).not.toBe(a.entityId);
    expect(
      readAuditRow(key, { entityType: "ticket", ids: [3, 1, 2], purpose: "inbox", filters: { queue: ["frontdesk"] } }, "d2").entityId,
    ).not.toBe(a.entityId);
  });

  it("counts a very long list but lists only its first ids", () => {
    const ids = Array.from({ length: MAX_LOGGED_IDS + 5 }, (_, i) => i);
    const r = readAuditRow(agent, { entityType: "complaint", ids, purpose: "complaint_list" });
    expect(r.data.count).toBe(MAX_LOGGED_IDS + 5);
    expect(r.data.ids).toHaveLength(MAX_LOGGED_IDS);
  });
});
