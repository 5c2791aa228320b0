import { apiRoute, parseBody } from "@/lib/api/route";
import { createApiKey, createApiKeySchema, listApiKeys } from "@/lib/platform/users";

export const GET = apiRoute({ permission: "administer" }, async ({ actor }) => listApiKeys(actor));

export const POST = apiRoute({ permission: "administer" }, async ({ req, actor }) =>
  Response.json(await createApiKey(actor, await parseBody(req, createApiKeySchema)), { status: 201 }),
);
