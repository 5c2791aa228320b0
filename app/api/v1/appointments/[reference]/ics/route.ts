import { apiRoute, parseQuery } from "@/lib/api/route";
import { limitManage } from "@/lib/appointments/limits";
import { tokenQuery } from "@/lib/appointments/schemas";
import { appointmentIcsText } from "@/lib/appointments/service";

export const GET = apiRoute<{ reference: string }>(
  { permission: "public", params: { reference: "appointmentReference" } },
  async ({ req, url, params }) => {
    await limitManage(req);
    const { token } = parseQuery(url, tokenQuery);
    const ref = decodeURIComponent(params.reference);
    return new Response(await appointmentIcsText(ref, token), {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="afspraak-${ref}.ics"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
