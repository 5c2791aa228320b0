import { z } from "zod";
import { apiRoute, parseBody } from "@/lib/api/route";
import { updateUser, updateUserSchema } from "@/lib/platform/users";
import { notFound } from "@/lib/errors";

export const PATCH = apiRoute<{ id: string }>({ permission: "administer" }, async ({ req, actor, params }) => {
  if (!z.string().uuid().safeParse(params.id).success) throw notFound("User");
  return updateUser(actor, params.id, await parseBody(req, updateUserSchema));
});
