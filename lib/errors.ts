import { ZodError } from "zod";

/**
 * The one error type of the app. Services throw it; `lib/api/route.ts` turns it into the API error shape of
 * spec 00: `{"error": {"code", "message", "fields"?}}`.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 503;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
    /** Earlier codes of the same rule, still sent so that clients matching on them keep working. */
    readonly aliases?: string[],
  ) {
    super(message);
    this.name = "AppError";
  }

  toBody() {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...(this.aliases?.length ? { aliases: this.aliases } : {}) },
    };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status, headers: this.headers });
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new AppError(400, "bad_request", message, fields);
export const unauthorized = (message = "Sign in first") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "Your role may not do this") => new AppError(403, "forbidden", message);
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
/**
 * A business rule refused the request; `code` names the rule (e.g. `awb_9_11_postpone_max_4_weeks`).
 * `aliases`: the rule's earlier codes, when it was renamed (sent as `error.aliases`).
 */
export const ruleViolation = (code: string, message: string, fields?: Record<string, string>, aliases?: string[]) =>
  new AppError(422, code, message, fields, undefined, aliases);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, "rate_limited", `Too many requests; try again in ${retryAfterSeconds} s`, undefined, {
    "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

/** Zod issues → `fields` keyed by the dotted path, as the API error shape wants. */
export function fromZod(error: ZodError, message = "Some fields are not valid"): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    fields[key] ??= issue.message;
  }
  return badRequest(`${message}: ${Object.keys(fields).join(", ")}`, fields);
}

/** Any thrown value → a Response; unknown errors become a 500 without a stack trace. */
export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) return err.toResponse();
  if (err instanceof ZodError) return fromZod(err).toResponse();
  // Postgres constraint errors that reach here are conflicts the caller could have hit by racing.
  const pgCode = (err as { code?: string } | null)?.code;
  if (pgCode === "23505") return conflict("duplicate", "This record already exists").toResponse();
  // A foreign key refused it: a row referenced a moment ago was removed, or one still in use was deleted.
  if (pgCode === "23503") return conflict("reference_conflict", "A record this refers to is missing, or is still in use").toResponse();
  if (pgCode === "22P02" || pgCode === "22007" || pgCode === "22008")
    return badRequest("A value has the wrong format").toResponse();
  console.error(err);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side" } }, { status: 500 });
}
