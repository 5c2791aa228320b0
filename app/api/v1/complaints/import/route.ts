import { apiRoute } from "@/lib/api/route";
import { importComplaintsCsv } from "@/lib/complaints/register";
import { AppError, badRequest } from "@/lib/errors";

const MAX = 20 * 1024 * 1024;

/** CSV `reference,receivedOn,channel,acknowledgedOn,postponedUntil,closedOn,outcome` as the body, or a `file` field. */
export const POST = apiRoute({ permission: "importData" }, async ({ req, actor }) => {
  if (Number(req.headers.get("content-length") ?? 0) > MAX) throw new AppError(413, "too_large", "The file is larger than 20 MB");
  const type = req.headers.get("content-type") ?? "";
  let csv: string;
  if (type.includes("multipart/form-data")) {
    const f = (await req.formData()).get("file");
    if (!f || typeof f === "string") throw badRequest("Choose a CSV file", { file: "required" });
    csv = await f.text();
  } else csv = await req.text();
  if (!csv.trim()) throw badRequest("The file is empty", { file: "empty" });
  return importComplaintsCsv(actor, csv);
});
