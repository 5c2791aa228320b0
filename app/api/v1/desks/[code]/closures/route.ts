import { apiRoute, parseBody } from "@/lib/api/route";
import { addClosure } from "@/lib/appointments/capacity";
import { closureBody } from "@/lib/appointments/schemas";

export const POST = apiRoute<{ code: string }>({ permission: "runDesk", params: { code: "deskCode" } }, async ({ req, params, actor }) =>
  Response.json(await addClosure(actor!, params.code.toUpperCase(), await parseBody(req, closureBody)), { status: 201 }),
);
