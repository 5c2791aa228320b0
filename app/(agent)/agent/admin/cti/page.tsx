import { CtiAdmin } from "@/components/calls/CtiAdmin";
import { pageActor } from "@/lib/auth/actor";

export default async function CtiAdminPage() {
  await pageActor("administer");
  return <CtiAdmin />;
}
