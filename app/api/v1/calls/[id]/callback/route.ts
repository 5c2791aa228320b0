import { apiRoute, parseBody } from "@/lib/api/route";
import { callIdOf, callBackSchema } from "@/lib/calls/schemas";
import { callBack } from "@/lib/calls/service";

export const POST = apiRoute<{ id: string }>({ permission: "workCalls", params: { id: "int" } }, async ({ req, params, actor }) => {
  const call = await callBack(actor!, callIdOf(params.id), await parseBody(req, callBackSchema));
  return Response.json(call, { status: 201 });
});
