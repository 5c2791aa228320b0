import { apiRoute, parseBody } from "@/lib/api/route";
import { addAtwDay, atwDayInputSchema, listAtwDays } from "@/lib/calendar/admin";

/** Days equal to a holiday by a later royal decree (Atw art. 3(3)): statutory deadlines only. */
export const GET = apiRoute({ permission: "administer" }, async ({ actor }) => listAtwDays(actor));

export const POST = apiRoute({ permission: "administer" }, async ({ req, actor }) =>
  Response.json(await addAtwDay(actor, await parseBody(req, atwDayInputSchema)), { status: 201 }),
);
