import { BODY_LIMITS, readFormCapped, readTextCapped } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/route";
import { importComplaintsCsv } from "@/lib/complaints/register";
import { badRequest } from "@/lib/errors";

/**
 * CSV `reference,receivedOn,channel,acknowledgedOn,postponedUntil,closedOn,outcome` as the body, or a `file`
 * field; at most 20 MB (BODY_LIMITS.complaintsCsv), refused with 413 beyond.
 */
export const POST = apiRoute({ permission: "importData", maxBodyBytes: BODY_LIMITS.complaintsCsv }, async ({ req, actor }) => {
  const type = req.headers.get("content-type") ?? "";
  let csv: string;
  if (type.includes("multipart/form-data")) {
    const f = (await readFormCapped(req, BODY_LIMITS.complaintsCsv, { field: "file" })).get("file");
    if (!f || typeof f === "string") throw badRequest("Choose a CSV file", { file: "required" });
    csv = await f.text();
  } else csv = await readTextCapped(req, BODY_LIMITS.complaintsCsv);
  if (!csv.trim()) throw badRequest("The file is empty", { file: "empty" });
  return importComplaintsCsv(actor, csv);
});
