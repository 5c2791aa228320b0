import { apiRoute, parseBody } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import {
  acknowledgeComplaint,
  acknowledgeSchema,
  consentPostponeComplaint,
  consentPostponeSchema,
  decideComplaint,
  decideSchema,
  declineComplaint,
  declineSchema,
  hearingSchema,
  informalSchema,
  postponeComplaint,
  postponeSchema,
  recordHearing,
  resolveInformally,
} from "@/lib/complaints/service";
import { withdrawComplaint, withdrawSchema } from "@/lib/complaints/withdraw";
import type { Actor } from "@/lib/auth/roles";

type P = { reference: string; step: string };

/** The steps of spec 04; a step that breaks a rule answers 422 with the rule's code. */
const STEPS: Record<string, (req: Request, actor: Actor | null, ref: string) => Promise<unknown>> = {
  acknowledge: async (req, a, r) => acknowledgeComplaint(a, r, await parseBody(req, acknowledgeSchema)),
  postpone: async (req, a, r) => postponeComplaint(a, r, await parseBody(req, postponeSchema)),
  "consent-postpone": async (req, a, r) => consentPostponeComplaint(a, r, await parseBody(req, consentPostponeSchema)),
  decline: async (req, a, r) => declineComplaint(a, r, await parseBody(req, declineSchema)),
  "resolve-informally": async (req, a, r) => resolveInformally(a, r, await parseBody(req, informalSchema)),
  hearing: async (req, a, r) => recordHearing(a, r, await parseBody(req, hearingSchema)),
  decide: async (req, a, r) => decideComplaint(a, r, await parseBody(req, decideSchema)),
  withdraw: async (req, a, r) => withdrawComplaint(a, r, await parseBody(req, withdrawSchema)),
};

export const POST = apiRoute<P>(
  { permission: "handleComplaints", params: { reference: "complaintReference", step: "slug" } },
  async ({ req, params, actor }) => {
    const run = STEPS[params.step];
    if (!run) throw notFound("Step");
    return run(req, actor, decodeURIComponent(params.reference));
  },
);
