// No "server-only" marker (see queues.ts): the Pages API route imports this module.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BODY_LIMITS, readNodeBodyCapped } from "@/lib/api/body";
import { AppError, badRequest, errorResponse } from "@/lib/errors";
import { requestLogger } from "@/lib/platform/logger";
import { CtiPayloadError, parseCtiPayload } from "./cti";
import { applyCtiEvent, checkCtiToken } from "./cti-ingest";

/**
 * The Zammad-compatible generic CTI webhook (spec 03): `POST /api/v1/cti/{token}`, JSON or form-encoded.
 * Public — the telephone system has no session — so the token in the path is the credential.
 *
 * A plain Node handler, served by pages/api/v1/cti/[token].ts: the telephone system sends every call's
 * events here (spec 03 asks ≥ 500 events/s), and a Pages API route hands over Node's request as it is,
 * where an App Router handler first wraps it in a web Request with streams and request context. Measured
 * here: 0.8 ms of web-process CPU per event this way, 1.6–2.1 ms as an App Router handler
 * (bench/RESULTS-calls.md).
 */
export async function ctiWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method !== "POST") throw new AppError(405, "method_not_allowed", "Send CTI events with POST", undefined, { Allow: "POST" });
    await checkCtiToken(tokenInPath(req.url));
    const raw = parsePayload(req.headers["content-type"] ?? "", (await readNodeBodyCapped(req, BODY_LIMITS.ctiEvent)).toString("utf8"));
    let event;
    try {
      event = parseCtiPayload(raw);
    } catch (err) {
      if (err instanceof CtiPayloadError) throw new AppError(err.status, err.code, err.message, { [err.field]: err.message });
      throw err;
    }
    await applyCtiEvent(event, raw);
    send(res, 200, "{}");
  } catch (err) {
    const r = errorResponse(err, requestLogger(req.headers["x-request-id"] as string | undefined));
    r.headers.forEach((v, k) => res.setHeader(k, v));
    send(res, r.status, await r.text());
  }
}

/** The last path segment; one that is not valid percent-encoding is simply a wrong token (401). */
function tokenInPath(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname.split("/").pop() ?? "");
  } catch {
    return "";
  }
}

function send(res: ServerResponse, status: number, json: string) {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.end(json);
}

/** JSON, or form-encoded fields where `user` (or `user[]`) may repeat. */
export function parsePayload(contentType: string, text: string): Record<string, unknown> {
  if (contentType.includes("application/json") || /^\s*\{/.test(text)) {
    try {
      const v = JSON.parse(text);
      if (v && typeof v === "object" && !Array.isArray(v)) return v;
    } catch {
      /* fall through */
    }
    throw badRequest("The request body is not a JSON object", { body: "not valid JSON" });
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const key = k === "user[]" ? "user" : k;
    if (key === "user") out.user = [...((out.user as string[]) ?? []), v];
    else out[key] = v;
  }
  return out;
}
