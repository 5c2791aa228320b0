import { apiRoute, parseBody } from "@/lib/api/route";
import { getComplaint, patchComplaint, patchSchema } from "@/lib/complaints/service";

type P = { reference: string };

export const GET = apiRoute<P>({ permission: "handleComplaints", params: { reference: "complaintReference" } }, async ({ params, actor }) =>
  getComplaint(actor, decodeURIComponent(params.reference)),
);

export const PATCH = apiRoute<P>(
  { permission: "handleComplaints", params: { reference: "complaintReference" } },
  async ({ req, params, actor }) => patchComplaint(actor, decodeURIComponent(params.reference), await parseBody(req, patchSchema)),
);
