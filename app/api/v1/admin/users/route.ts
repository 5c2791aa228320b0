import { apiRoute, parseBody } from "@/lib/api/route";
import { createUser, createUserSchema, listUsers } from "@/lib/platform/users";

export const GET = apiRoute({ permission: "administer" }, async ({ actor }) => listUsers(actor));

export const POST = apiRoute({ permission: "administer" }, async ({ req, actor }) =>
  Response.json(await createUser(actor, await parseBody(req, createUserSchema)), { status: 201 }),
);
