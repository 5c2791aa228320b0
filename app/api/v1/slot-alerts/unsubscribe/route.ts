import { endpointRoute } from "@/lib/api/endpoint-route";
import { limitManage, unsubscribeAlertEndpoint, unsubscribeSlotAlert } from "@/lib/appointments";

/** The link in every alert email: unsubscribes, then shows the result page. */
export const GET = endpointRoute(unsubscribeAlertEndpoint, { permission: "public" }, async ({ req, url, query }) => {
  await limitManage(req);
  const result = await unsubscribeSlotAlert(query.token);
  return Response.redirect(new URL(`/afspraak/melding?result=${result}`, url), 303);
});
