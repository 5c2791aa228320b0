import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { removeClosedDay } from "@/lib/calendar/admin";
import { notFound } from "@/lib/errors";

export const DELETE = apiRoute<{ id: string }>({ permission: "administer" }, async ({ actor, params }) => {
  if (!z.string().uuid().safeParse(params.id).success) throw notFound("Closed day");
  return removeClosedDay(actor, params.id);
});
