import { CalendarsAdmin } from "@/components/admin/CalendarsAdmin";
import { pageActor } from "@/lib/auth/actor";

export default async function CalendarsPage() {
  await pageActor("administer");
  return <CalendarsAdmin />;
}
