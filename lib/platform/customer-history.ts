import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { HistoryItem } from "./contracts";

/**
 * Everything the KIC has had with one person — tickets, calls, appointments, complaints — newest first, as far
 * as the viewer's role may open it (issue 11 item 7). Used by the ticket sidebar, the call screen pop and the
 * complaint file.
 *
 * Inverted (issue 13): the platform knows no capability. Each capability that keeps records of a person
 * registers a provider, and the provider applies the capability's own rule of what the viewer may see (tickets
 * only of the queues the role reads; calls the role may open; appointments for those who book them; a complaint
 * in full only for complaint handlers, to everyone else a bare "a complaint exists" line). The composition root
 * (lib/server.ts) registers them at the start of every process: the web server's instrumentation hook, the
 * worker, the test setup.
 */
export type HistoryProvider = {
  /** The kind of record it gives (one provider per kind). */
  type: HistoryItem["type"];
  /** The person's records of this kind that `viewer` may see (or see as restricted lines); [] when none. */
  items: (viewer: Actor, customerId: string) => Promise<HistoryItem[]>;
};

// On globalThis: Next may load this module more than once (the instrumentation bundle registers, the route
// bundles read), and all copies must share one registry.
const g = globalThis as unknown as { __kicHistoryProviders?: Map<HistoryItem["type"], HistoryProvider> };
const providers = () => (g.__kicHistoryProviders ??= new Map());

/** Called by the composition root for each capability's provider; a second provider of a kind replaces the first. */
export function registerHistoryProvider(provider: HistoryProvider): void {
  providers().set(provider.type, provider);
}

export async function customerHistory(viewer: Actor, customerId: string): Promise<HistoryItem[]> {
  const all = [...providers().values()];
  if (!all.length) throw new Error("No customer-history providers are registered: load the composition root (lib/server.ts) first");
  const lists = await Promise.all(all.map((p) => p.items(viewer, customerId)));
  return lists.flat().sort((a, b) => b.at.localeCompare(a.at));
}
