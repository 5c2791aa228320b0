import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/api/route";
import { exportZip } from "@/lib/privacy/export-format";
import { customerIdOf, subjectExport, subjectFiles } from "@/lib/privacy/subject";

const query = z.object({ format: z.enum(["json", "csv"]).default("json") });

/**
 * Admin: the subject-access export (AVG art. 15) — `format=json` one JSON document, `format=csv` a zip with one
 * CSV per record type, the same JSON, and the person's files. Always a download, never cached.
 */
export const GET = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ params, url, actor }) => {
  const id = customerIdOf(params.id);
  const { format } = parseQuery(url, query);
  const records = await subjectExport(actor, id, format);
  const name = `inzageverzoek-${id.slice(0, 8)}-${records.exportedAt.slice(0, 10)}`;
  const headers = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };
  if (format === "json")
    return new Response(JSON.stringify(records, null, 2), {
      headers: {
        ...headers,
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.json"`,
      },
    });
  const zip = exportZip(records, await subjectFiles(id));
  return new Response(new Uint8Array(zip), {
    headers: { ...headers, "content-type": "application/zip", "content-disposition": `attachment; filename="${name}.zip"` },
  });
});
