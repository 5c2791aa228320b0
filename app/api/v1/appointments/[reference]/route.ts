import { endpointRoute } from "@/lib/api/endpoint-route";
import { appointmentEndpoint, cancelAppointment, cancelEndpoint, getAppointment, manageAuth } from "@/lib/appointments";

// The applicant's `?token=` (declared in the contract's query) or a signed-in agent: manageAuth decides.
export const GET = endpointRoute(appointmentEndpoint, { permission: "public" }, async ({ req, url, params }) =>
  getAppointment(params.reference, await manageAuth(req, url)),
);
export const DELETE = endpointRoute(cancelEndpoint, { permission: "public" }, async ({ req, url, params }) =>
  cancelAppointment(params.reference, await manageAuth(req, url)),
);
