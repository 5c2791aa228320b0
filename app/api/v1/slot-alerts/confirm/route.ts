import { apiRoute, parseQuery } from "@/lib/api/route";
import { confirmSlotAlert } from "@/lib/appointments/alerts";
import { limitManage } from "@/lib/appointments/limits";
import { tokenQuery } from "@/lib/appointments/schemas";

/** The link in the opt-in email: confirms, then shows the result page. */
export const GET = apiRoute({ permission: "public" }, async ({ req, url }) => {
  await limitManage(req);
  const result = await confirmSlotAlert(parseQuery(url, tokenQuery).token);
  return Response.redirect(new URL(`/afspraak/melding?result=${result}`, url), 303);
});
