import { apiRoute } from "@/lib/api/route";
import { removeClosedDay } from "@/lib/calendar/admin";

export const DELETE = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ actor, params }) => {
  return removeClosedDay(actor, params.id);
});
