import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { revokeApiKey } from "@/lib/platform/users";

export const DELETE = apiRoute<{ id: string }>({ permission: "administer" }, async ({ actor, params }) => {
  if (!z.string().uuid().safeParse(params.id).success) throw notFound("API key");
  return revokeApiKey(actor, params.id);
});
