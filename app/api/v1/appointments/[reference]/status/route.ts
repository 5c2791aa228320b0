import { apiRoute, parseBody } from "@/lib/api/route";
import { statusBody } from "@/lib/appointments/schemas";
import { setAppointmentStatus } from "@/lib/appointments/service";

/** Desk staff: check-in, completed, no-show. */
export const POST = apiRoute<{ reference: string }>(
  { permission: "runDesk", params: { reference: "appointmentReference" } },
  async ({ req, params, actor }) => {
    const body = await parseBody(req, statusBody);
    return setAppointmentStatus(actor!, decodeURIComponent(params.reference), body.status);
  },
);
