import { endpointRoute } from "@/lib/api/endpoint-route";
import { createSlotAlert, limitAlerts, slotAlertEndpoint } from "@/lib/appointments";
import { guardAnonymousWrite } from "@/lib/platform/bot-guard";

export const POST = endpointRoute(slotAlertEndpoint, { permission: "public" }, async ({ req, body }) => {
  // An anonymous write that sends an email: challenged above the threshold like holds and bookings (issue 11.4).
  await guardAnonymousWrite(req);
  await limitAlerts(req);
  const { id, status } = await createSlotAlert(await body());
  return { id, status };
});
