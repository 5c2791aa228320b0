import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { can, queuesFor, type Actor } from "@/lib/auth/roles";
import type { HistoryItem } from "@/lib/platform/contracts";
import type { HistoryProvider } from "@/lib/platform/customer-history";

/** What a role may see: frontdesk its own queue (and its own calls); backoffice, supervisors, admins all. */
export function callVisibility(actor: Actor) {
  const queues = queuesFor(actor.role);
  if (queues.length === 3) return sql`true`;
  return sql`(c.queue = any(${`{${queues.join(",")}}`}::text[]) or c.agent_id = ${actor.kind === "user" ? actor.id : null})`;
}

/** A person's calls in the customer history: for those who work calls, the calls their role may open. */
export const callHistoryProvider: HistoryProvider = {
  type: "call",
  items: async (viewer, customerId) => (can(viewer, "workCalls") ? callHistory(customerId, viewer) : []),
};

/** A person's calls that the viewer may open, newest first (the ticket sidebar and the call screen pop). */
export async function callHistory(customerId: string, viewer: Actor): Promise<HistoryItem[]> {
  const { rows } = await db.execute<{
    id: number;
    direction: string;
    offered_at: Date;
    result: string | null;
    topic: string | null;
    label: string | null;
    number: string | null;
  }>(
    sql`select c.id, c.direction, c.offered_at, c.result, c.topic, t.label_nl as label,
               case when c.direction = 'in' then c.from_number else c.to_number end as number
        from calls c left join call_topics t on t.key = c.topic
        where c.customer_id = ${customerId} and ${callVisibility(viewer)} order by c.offered_at desc limit 50`,
  );
  return rows.map((r) => {
    const at = new Date(r.offered_at);
    const local = at.toLocaleString("sv-SE", { timeZone: "Europe/Amsterdam" }).slice(0, 16);
    return {
      type: "call",
      id: String(r.id),
      reference: local,
      title: `${r.direction === "in" ? "☎ ←" : "☎ →"} ${r.number ?? ""}${r.label ? ` · ${r.label}` : ""}`.trim(),
      status: r.result ?? "active",
      at: at.toISOString(),
      href: `/agent/calls/${r.id}`,
    };
  });
}
