import { apiRoute } from "@/lib/api/route";
import { manageAuth } from "@/lib/appointments/manage-auth";
import { cancelAppointment, getAppointment } from "@/lib/appointments/service";

type P = { reference: string };
export const GET = apiRoute<P>({ permission: "public", params: { reference: "appointmentReference" } }, async ({ req, url, params }) =>
  getAppointment(decodeURIComponent(params.reference), await manageAuth(req, url)),
);
export const DELETE = apiRoute<P>({ permission: "public", params: { reference: "appointmentReference" } }, async ({ req, url, params }) =>
  cancelAppointment(decodeURIComponent(params.reference), await manageAuth(req, url)),
);
