import { apiRoute, parseBody } from "@/lib/api/route";
import { createSlotAlert } from "@/lib/appointments/alerts";
import { limitAlerts } from "@/lib/appointments/limits";
import { alertBody } from "@/lib/appointments/schemas";
import { guardAnonymousWrite } from "@/lib/platform/bot-guard";

export const POST = apiRoute({ permission: "public" }, async ({ req }) => {
  // An anonymous write that sends an email: challenged above the threshold like holds and bookings (issue 11.4).
  await guardAnonymousWrite(req);
  await limitAlerts(req);
  const { id, status } = await createSlotAlert(await parseBody(req, alertBody));
  return Response.json({ id, status }, { status: 201 });
});
