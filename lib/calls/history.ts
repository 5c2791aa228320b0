import "server-only";
import type { HistoryItem } from "@/lib/platform/contracts";

/** A person's calls, newest first. */
export async function callHistory(_customerId: string): Promise<HistoryItem[]> {
  return []; // implemented by the calls capability
}
