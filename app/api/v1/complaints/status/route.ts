import { apiRoute, parseBody } from "@/lib/api/route";
import { lookupStatus, statusLookupSchema } from "@/lib/complaints/service";

/** The complainant's lookup by reference + email (public, rate-limited per client address against guessing). */
export const POST = apiRoute({ permission: "public", rateLimit: { purpose: "complaint-status", perMinute: 20 } }, async ({ req }) =>
  lookupStatus(await parseBody(req, statusLookupSchema)),
);
