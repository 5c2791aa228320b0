import { apiRoute, parseBody, parseQuery } from "@/lib/api/route";
import { listCallsQuery, logCallSchema } from "@/lib/calls/schemas";
import { listCalls, logCall } from "@/lib/calls/service";

export const GET = apiRoute({ permission: "workCalls" }, async ({ url, actor }) => listCalls(actor!, parseQuery(url, listCallsQuery)));

export const POST = apiRoute({ permission: "workCalls" }, async ({ req, actor }) => {
  const call = await logCall(actor!, await parseBody(req, logCallSchema));
  return Response.json(call, { status: 201 });
});
