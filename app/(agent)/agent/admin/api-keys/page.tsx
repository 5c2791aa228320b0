import { ApiKeysAdmin } from "@/components/admin/ApiKeysAdmin";
import { pageActor } from "@/lib/auth/actor";

export default async function ApiKeysPage() {
  await pageActor("administer");
  return <ApiKeysAdmin />;
}
