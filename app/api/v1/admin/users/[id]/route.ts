import { apiRoute, parseBody } from "@/lib/api/route";
import { updateUser, updateUserSchema } from "@/lib/platform/users";

export const PATCH = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ req, actor, params }) => {
  return updateUser(actor, params.id, await parseBody(req, updateUserSchema));
});
