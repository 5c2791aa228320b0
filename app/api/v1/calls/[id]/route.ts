import { apiRoute, parseBody } from "@/lib/api/route";
import { callIdOf, updateCallSchema } from "@/lib/calls/schemas";
import { getCall, updateCall } from "@/lib/calls/service";

export const GET = apiRoute<{ id: string }>({ permission: "workCalls", params: { id: "int" } }, async ({ params, actor }) =>
  getCall(actor!, callIdOf(params.id)),
);

export const PATCH = apiRoute<{ id: string }>({ permission: "workCalls", params: { id: "int" } }, async ({ req, params, actor }) =>
  updateCall(actor!, callIdOf(params.id), await parseBody(req, updateCallSchema)),
);
