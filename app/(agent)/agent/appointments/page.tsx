import { AgentAppointments } from "@/components/appointments/AgentAppointments";
import { pageActor } from "@/lib/auth/actor";

/** KIC agents: book for a caller (prefilled from the call screen: ?name=&phone=&email=&callId=), find, change. */
export default async function AgentAppointmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await pageActor("bookForCaller");
  const sp = await searchParams;
  const s = (v: string | undefined) => (v ? v.slice(0, 200) : undefined);
  return (
    <AgentAppointments
      prefill={{ name: s(sp.name), phone: s(sp.phone), email: s(sp.email), callId: s(sp.callId) }}
      initialQuery={s(sp.q)}
    />
  );
}
