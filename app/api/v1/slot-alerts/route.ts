import { apiRoute, parseBody } from "@/lib/api/route";
import { createSlotAlert } from "@/lib/appointments/alerts";
import { limitAlerts } from "@/lib/appointments/limits";
import { alertBody } from "@/lib/appointments/schemas";

export const POST = apiRoute({ permission: "public" }, async ({ req }) => {
  await limitAlerts(req);
  const { id, status } = await createSlotAlert(await parseBody(req, alertBody));
  return Response.json({ id, status }, { status: 201 });
});
