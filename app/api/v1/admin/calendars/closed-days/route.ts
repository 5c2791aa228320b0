import { apiRoute, parseBody } from "@/lib/api/route";
import { addClosedDay, closedDayInputSchema, listClosedDays } from "@/lib/calendar/admin";

/** Days the KIC and all desks of a calendar are closed: opening hours and SLA clocks, never a statutory deadline. */
export const GET = apiRoute({ permission: "administer" }, async ({ actor }) => listClosedDays(actor));

export const POST = apiRoute({ permission: "administer" }, async ({ req, actor }) =>
  Response.json(await addClosedDay(actor, await parseBody(req, closedDayInputSchema)), { status: 201 }),
);
