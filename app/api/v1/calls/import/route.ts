import { BODY_LIMITS, cappedStream } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/route";
import { badRequest } from "@/lib/errors";
import { importQueueLog } from "@/lib/calls/import";

// A year of queue_log is hundreds of MB: the body is streamed, never buffered, with a total cap of 1 GB
// (BODY_LIMITS.queueLog; past it the import stops with 413 — batches stored so far stay, and a re-import
// of the same file adds nothing).
export const maxDuration = 600;

export const POST = apiRoute({ permission: "importData", maxBodyBytes: BODY_LIMITS.queueLog }, async ({ req, url, actor }) => {
  const format = url.searchParams.get("format");
  if (format !== "asterisk-queue-log")
    throw badRequest("Unknown format: use format=asterisk-queue-log", { format: "expected asterisk-queue-log" });
  if (!req.body) throw badRequest("The request has no body", { body: "the queue_log file is the body" });
  return importQueueLog(actor!, cappedStream(req, BODY_LIMITS.queueLog));
});
