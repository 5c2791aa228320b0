import { RegisterForm } from "@/components/complaints/RegisterForm";
import { pageActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { todayNl } from "@/lib/complaints/service";

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) || undefined;

/** Registration by agents; the call screen links here with ?callId=&customerId=&name=&phone= (spec 03). */
export default async function NewComplaintPage({ searchParams }: { searchParams: Search }) {
  const actor = await pageActor("registerComplaint");
  const sp = await searchParams;
  const prefill = {
    callId: one(sp.callId),
    customerId: one(sp.customerId),
    name: one(sp.name),
    phone: one(sp.phone),
    email: one(sp.email),
    channel: one(sp.channel),
  };
  return <RegisterForm prefill={prefill} today={todayNl()} canOpen={can(actor, "handleComplaints")} />;
}
