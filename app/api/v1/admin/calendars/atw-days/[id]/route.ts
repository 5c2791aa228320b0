import { apiRoute } from "@/lib/api/route";
import { removeAtwDay } from "@/lib/calendar/admin";

export const DELETE = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ actor, params }) => {
  return removeAtwDay(actor, params.id);
});
