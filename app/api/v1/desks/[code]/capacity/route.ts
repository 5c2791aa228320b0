import { apiRoute, parseBody } from "@/lib/api/route";
import { deskCapacity, saveOpeningHours } from "@/lib/appointments/capacity";
import { hoursBody } from "@/lib/appointments/schemas";

type P = { code: string };
export const GET = apiRoute<P>({ permission: "runDesk", params: { code: "deskCode" } }, async ({ params, actor }) =>
  deskCapacity(actor!, params.code.toUpperCase()),
);
export const PUT = apiRoute<P>({ permission: "runDesk", params: { code: "deskCode" } }, async ({ req, params, actor }) =>
  saveOpeningHours(actor!, params.code.toUpperCase(), await parseBody(req, hoursBody)),
);
