import { apiRoute, parseBody } from "@/lib/api/route";
import { callIdOf, newCustomerSchema } from "@/lib/calls/schemas";
import { createCustomerForCall } from "@/lib/calls/service";

export const POST = apiRoute<{ id: string }>({ permission: "workCalls", params: { id: "int" } }, async ({ req, params, actor }) => {
  const r = await createCustomerForCall(actor!, callIdOf(params.id), await parseBody(req, newCustomerSchema));
  return Response.json(r, { status: 201 });
});
