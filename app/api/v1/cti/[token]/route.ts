import { apiRoute } from "@/lib/api/route";
import { AppError, badRequest } from "@/lib/errors";
import { CtiPayloadError, parseCtiPayload } from "@/lib/calls/cti";
import { applyCtiEvent, checkCtiToken } from "@/lib/calls/service";

/**
 * Zammad-compatible generic CTI webhook (spec 03). Public — the PBX has no session — so the token in the
 * path is the credential, compared in constant time.
 */
export const POST = apiRoute<{ token: string }>({ permission: "public" }, async ({ req, params }) => {
  await checkCtiToken(params.token);
  const raw = await readPayload(req);
  let event;
  try {
    event = parseCtiPayload(raw);
  } catch (err) {
    if (err instanceof CtiPayloadError) throw new AppError(err.status, err.code, err.message, { [err.field]: err.message });
    throw err;
  }
  await applyCtiEvent(event, raw);
  return {};
});

/** JSON, or form-encoded fields where `user` (or `user[]`) may repeat. */
async function readPayload(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  const text = await req.text();
  if (text.length > 64_000) throw new AppError(413, "too_large", "A CTI event is at most 64 kB");
  if (type.includes("application/json") || /^\s*\{/.test(text)) {
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
