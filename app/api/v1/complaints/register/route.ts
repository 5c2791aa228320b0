import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/api/route";
import { complaintRegister, registerCsv } from "@/lib/complaints/register";

const q = z.object({ year: z.coerce.number().int().min(2000).max(2100), format: z.enum(["json", "csv"]).optional().default("json") });

/** Awb 9:12a: the annual register, as JSON or CSV. */
export const GET = apiRoute({ permission: "handleComplaints" }, async ({ url, actor }) => {
  const { year, format } = parseQuery(url, q);
  const reg = await complaintRegister(actor, year);
  if (format === "json") return reg;
  return new Response(registerCsv(reg.items), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="klachtenregister-${year}.csv"` },
  });
});
