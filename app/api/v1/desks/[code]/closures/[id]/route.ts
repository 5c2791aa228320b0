import { apiRoute } from "@/lib/api/route";
import { removeClosure } from "@/lib/appointments/capacity";

export const DELETE = apiRoute<{ code: string; id: string }>(
  { permission: "runDesk", params: { code: "deskCode", id: "uuid" } },
  async ({ params, actor }) => {
    await removeClosure(actor!, params.code.toUpperCase(), params.id);
    return { ok: true };
  },
);
