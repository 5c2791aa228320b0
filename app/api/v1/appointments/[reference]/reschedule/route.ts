import { endpointRoute } from "@/lib/api/endpoint-route";
import { manageAuth, rescheduleAppointment, rescheduleEndpoint } from "@/lib/appointments";

export const POST = endpointRoute(rescheduleEndpoint, { permission: "public" }, async ({ req, url, params, body }) => {
  const auth = await manageAuth(req, url);
  const { slotId, holdId } = await body();
  return rescheduleAppointment(params.reference, slotId, auth, { holdId });
});
