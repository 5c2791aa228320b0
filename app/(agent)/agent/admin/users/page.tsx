import { UsersAdmin } from "@/components/admin/UsersAdmin";
import { pageActor } from "@/lib/auth/actor";

export default async function UsersPage() {
  await pageActor("administer");
  return <UsersAdmin />;
}
