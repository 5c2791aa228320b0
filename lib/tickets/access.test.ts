import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/roles";
import { ticketQueuesFor } from "./access";

describe("ticket queues per role", () => {
  it("only the roles that handle complaints read the complaints queue", () => {
    const readers = ROLES.filter((r) => ticketQueuesFor(r).includes("complaints"));
    expect(readers).toEqual(["complaints", "supervisor", "admin"]);
    expect(ticketQueuesFor("frontdesk")).toEqual(["frontdesk"]);
    expect(ticketQueuesFor("backoffice")).toEqual(["frontdesk", "backoffice", "partners"]);
    expect(ticketQueuesFor("complaints")).toEqual(["complaints"]);
    expect(ticketQueuesFor("desk")).toEqual([]);
  });
});
