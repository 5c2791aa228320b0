import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/api/route";
import { listSavedReplies } from "@/lib/tickets/service";

const q = z.object({ q: z.string().trim().max(100).optional(), language: z.enum(["nl", "en"]).optional() });

export const GET = apiRoute({ permission: "workTickets" }, async ({ url, actor }) => {
  const p = parseQuery(url, q);
  return listSavedReplies(actor, p.q, p.language);
});
