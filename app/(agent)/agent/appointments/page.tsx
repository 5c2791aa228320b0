import { AgentAppointments } from "@/components/appointments/AgentAppointments";
import { prefetch, Prefetched } from "@/lib/api/prefetch";
import { searchAppointments, searchEndpoint } from "@/lib/appointments";
import { pageActor } from "@/lib/auth/actor";

/**
 * KIC agents: book for a caller (prefilled from the call screen: ?name=&phone=&email=&callId=), find, change.
 * A search in the URL (?q=) runs on the server under the agent's own session (audit-logged as the API's)
 * and hydrates the client's query, so the results show at first paint.
 */
export default async function AgentAppointmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await pageActor("bookForCaller");
  const sp = await searchParams;
  const s = (v: string | undefined) => (v ? v.slice(0, 200) : undefined);
  const q = s(sp.q)?.trim();
  return (
    <Prefetched queries={q && q.length >= 2 ? [prefetch(searchEndpoint, { query: { q } }, () => searchAppointments(actor, q))] : []}>
      <AgentAppointments prefill={{ name: s(sp.name), phone: s(sp.phone), email: s(sp.email), callId: s(sp.callId) }} initialQuery={q} />
    </Prefetched>
  );
}
