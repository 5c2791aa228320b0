import "server-only";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { queryKeys, type Endpoint, type EndpointInput, type EndpointOutput } from "./endpoint";

/**
 * Server prefetch + hydrate (create-t3-app's pattern, without tRPC): a page runs the service itself — under
 * its own actor, which the page already checked (`pageActor`) — and hands the result to the client cache
 * under the endpoint's query key, so the client component's `useEndpointQuery` has its data at first paint
 * and no "…" shows while the browser fetches.
 *
 *   const actor = await pageActor("bookForCaller");
 *   return (
 *     <Prefetched queries={[prefetch(searchEndpoint, { query: { q } }, () => searchAppointments(actor, q))]}>
 *       <AgentAppointments … />
 *     </Prefetched>
 *   );
 *
 * The value goes through JSON as on the wire (dates become strings), so the hydrated data is exactly what
 * the API would have answered. A load that throws is left out: the client asks the API and shows its error.
 */
export type PrefetchEntry = { queryKey: readonly unknown[]; load: () => Promise<unknown> };

export function prefetch<E extends Endpoint>(
  endpoint: E,
  input: EndpointInput<E>,
  load: () => Promise<EndpointOutput<E> | unknown>,
): PrefetchEntry {
  const { params, query } = input as { params?: Record<string, string>; query?: unknown };
  return { queryKey: queryKeys(endpoint, { params, query }), load };
}

export async function Prefetched({ queries, children }: { queries: PrefetchEntry[]; children: ReactNode }) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } });
  await Promise.all(
    queries.map(async (q) => {
      try {
        const value: unknown = JSON.parse(JSON.stringify((await q.load()) ?? null));
        qc.setQueryData(q.queryKey, value);
      } catch {
        // left to the client, which shows the API's error in the user's language
      }
    }),
  );
  return <HydrationBoundary state={dehydrate(qc)}>{children}</HydrationBoundary>;
}
