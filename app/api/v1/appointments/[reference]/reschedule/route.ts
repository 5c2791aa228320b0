import { apiRoute, parseBody } from "@/lib/api/route";
import { manageAuth } from "@/lib/appointments/manage-auth";
import { rescheduleBody } from "@/lib/appointments/schemas";
import { rescheduleAppointment } from "@/lib/appointments/service";

export const POST = apiRoute<{ reference: string }>(
  { permission: "public", params: { reference: "appointmentReference" } },
  async ({ req, url, params }) => {
    const auth = await manageAuth(req, url);
    const body = await parseBody(req, rescheduleBody);
    return rescheduleAppointment(decodeURIComponent(params.reference), body.slotId, auth, { holdId: body.holdId });
  },
);
