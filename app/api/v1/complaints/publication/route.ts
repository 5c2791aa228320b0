import { apiRoute, parseQuery } from "@/lib/api/route";
import { complaintPublication, complaintPublicationCsv, publicationQuerySchema } from "@/lib/complaints/publication";

/** The monthly figures as the IND publishes them; `format=csv` for the table as a file. */
export const GET = apiRoute({ permission: "viewComplaintFigures" }, async ({ url, actor }) => {
  const q = parseQuery(url, publicationQuerySchema);
  if (q.format === "csv") {
    const { year, csv } = await complaintPublicationCsv(actor, q);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="klachten-per-maand-${year}.csv"`,
      },
    });
  }
  return complaintPublication(actor, q);
});
