import { apiRoute, parseBody } from "@/lib/api/route";
import { lookupStatus, statusLookupSchema } from "@/lib/complaints/service";
import { limitPublic } from "@/lib/platform/rate-limit";

/** The complainant's lookup by reference + email (public, rate-limited against guessing). */
export const POST = apiRoute({ permission: "public" }, async ({ req }) => {
  await limitPublic(req, "complaint-status", 20);
  return lookupStatus(await parseBody(req, statusLookupSchema));
});
