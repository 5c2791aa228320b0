import { apiRoute } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/platform/users";

export const DELETE = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ actor, params }) => {
  return revokeApiKey(actor, params.id);
});
