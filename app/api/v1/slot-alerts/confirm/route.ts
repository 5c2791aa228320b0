import { endpointRoute } from "@/lib/api/endpoint-route";
import { confirmAlertEndpoint, confirmSlotAlert, limitManage } from "@/lib/appointments";

/** The link in the opt-in email: confirms, then shows the result page. */
export const GET = endpointRoute(confirmAlertEndpoint, { permission: "public" }, async ({ req, url, query }) => {
  await limitManage(req);
  const result = await confirmSlotAlert(query.token);
  return Response.redirect(new URL(`/afspraak/melding?result=${result}`, url), 303);
});
