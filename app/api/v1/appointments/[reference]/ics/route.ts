import { endpointRoute } from "@/lib/api/endpoint-route";
import { appointmentIcsText, icsEndpoint, limitManage } from "@/lib/appointments";

export const GET = endpointRoute(icsEndpoint, { permission: "public" }, async ({ req, params, query }) => {
  await limitManage(req);
  const ref = params.reference;
  return new Response(await appointmentIcsText(ref, query.token), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="afspraak-${ref}.ics"`,
      "Cache-Control": "no-store",
    },
  });
});
