import type { Logger } from "pino";
import { ZodError } from "zod";
import { zodFieldErrors, type ErrorParams, type FieldCodes } from "@/lib/api/error-codes";
import { logger } from "@/lib/platform/logger";

/**
 * The one error type of the app. Services throw it; `lib/api/route.ts` turns it into the API error shape of
 * spec 00: `{"error": {"code", "message", "fields"?}}`, extended with codes the UI translates
 * (lib/api/error-codes.ts): `fieldCodes` (one per field, always with `fields`), `params`, `fieldParams`.
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
    /** Codes per field (default: the error's code, or `invalid` for a plain 400) and the codes' parameters. */
    readonly codes: { fieldCodes?: FieldCodes; params?: ErrorParams; fieldParams?: Record<string, ErrorParams> } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  /** The code of each field: given, else the error's own code (a rule naming its field), else `invalid`. */
  fieldCodes(): FieldCodes | undefined {
    if (!this.fields) return undefined;
    const fallback = this.code === "bad_request" ? "invalid" : this.code;
    return Object.fromEntries(Object.keys(this.fields).map((k) => [k, this.codes.fieldCodes?.[k] ?? fallback]));
  }

  toBody() {
    const fieldParams = this.codes.fieldParams && Object.keys(this.codes.fieldParams).length ? this.codes.fieldParams : undefined;
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields, fieldCodes: this.fieldCodes() } : {}),
        ...(this.codes.params ? { params: this.codes.params } : {}),
        ...(fieldParams ? { fieldParams } : {}),
        ...(this.aliases?.length ? { aliases: this.aliases } : {}),
      },
    };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status, headers: this.headers });
  }
}

/** Bad input (400); `fieldCodes` names each field's code for the UI (default `invalid`). */
export const badRequest = (message: string, fields?: Record<string, string>, fieldCodes?: FieldCodes) =>
  new AppError(400, "bad_request", message, fields, undefined, undefined, { fieldCodes });
export const unauthorized = (message = "Sign in first") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "Your role may not do this") => new AppError(403, "forbidden", message);
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
/**
 * A business rule refused the request; `code` names the rule (e.g. `awb_9_11_postpone_max_4_weeks`).
 * `aliases`: the rule's earlier codes, when it was renamed (sent as `error.aliases`).
 */
export const ruleViolation = (code: string, message: string, fields?: Record<string, string>, aliases?: string[], params?: ErrorParams) =>
  new AppError(422, code, message, fields, undefined, aliases, { params });
export const tooManyRequests = (retryAfterSeconds: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    429,
    "rate_limited",
    `Too many requests; try again in ${retryAfterSeconds} s`,
    undefined,
    { "Retry-After": String(seconds) },
    undefined,
    { params: { seconds } },
  );
};

/** Zod issues → `fields` keyed by the dotted path, with their codes (the one error map, lib/api/error-codes.ts). */
export function fromZod(error: ZodError, message = "Some fields are not valid"): AppError {
  const { fields, fieldCodes, fieldParams } = zodFieldErrors(error.issues);
  return new AppError(400, "bad_request", `${message}: ${Object.keys(fields).join(", ")}`, fields, undefined, undefined, {
    fieldCodes,
    fieldParams,
  });
}

/**
 * The Postgres error under a thrown value: drizzle wraps driver errors in DrizzleQueryError with the pg
 * error on `cause` (and pg-pool/transactions may wrap once more), so walk the cause chain.
 */
export function pgErrorOf(err: unknown): { code?: string; message: string; constraint?: string } | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 6; depth++) {
    const x = e as { code?: unknown; message?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof x.code === "string" || (typeof x.message === "string" && CONNECTION_MESSAGE.test(x.message)))
      return {
        code: typeof x.code === "string" ? x.code : undefined,
        message: String(x.message ?? ""),
        constraint: typeof x.constraint === "string" ? x.constraint : undefined,
      };
    e = x.cause;
  }
  return null;
}

/** Socket-level failures reaching PostgreSQL (node error codes) and pg's own messages for them. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
]);
const CONNECTION_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|connection timeout|Connection ended/i;

/** Seconds a client should wait before retrying when the database is unreachable or overloaded. */
export const DB_RETRY_AFTER_SECONDS = 5;

/**
 * A database failure → the API error it means, or null when it is not one we map. Codes (PostgreSQL
 * appendix A): 23505 unique → 409; 23503 foreign key → 409 (the row it names is gone or still used: a race
 * with another change, not bad input — a client that sends an unknown id gets a 404 from the service before
 * this); 23514 check / 23502 not null → 422 (a rule of the schema the input broke); 22xxx data exceptions
 * (malformed uuid, date, number out of range) → 400; 40001/40P01 serialization/deadlock → 409 retry; 57014
 * statement timeout and 53xxx resources, 57P0x shutdown, 08xxx connection and socket errors → 503 with
 * Retry-After.
 */
export function fromDatabaseError(err: unknown): AppError | null {
  const pg = pgErrorOf(err);
  if (!pg) return null;
  const code = pg.code ?? "";
  const unavailable = (message: string) =>
    new AppError(503, "database_unavailable", message, undefined, { "Retry-After": String(DB_RETRY_AFTER_SECONDS) });
  if (code === "23505") return conflict("duplicate", "This record already exists");
  if (code === "23503") return conflict("reference_conflict", "A record this refers to was changed or removed meanwhile");
  if (code === "23514" || code === "23502") return ruleViolation("constraint_violation", "The data breaks a rule of the record");
  if (code === "40001" || code === "40P01") return conflict("concurrent_update", "Another change came first; try again");
  if (code.startsWith("22")) return badRequest("A value has the wrong format");
  if (code === "57014") return unavailable("The database took too long to answer; try again");
  if (
    code.startsWith("08") ||
    code.startsWith("53") ||
    code === "57P01" ||
    code === "57P02" ||
    code === "57P03" ||
    CONNECTION_CODES.has(code)
  )
    return unavailable("The database is not reachable at the moment; try again shortly");
  if (!code && CONNECTION_MESSAGE.test(pg.message)) return unavailable("The database is not reachable at the moment; try again shortly");
  return null;
}

/**
 * Any thrown value → a Response; unknown errors become a 500 without a stack trace, logged (without
 * personal data or SQL parameters) under the request's id when the caller gives its logger.
 */
export function errorResponse(err: unknown, log?: Pick<Logger, "error" | "warn">): Response {
  if (err instanceof AppError) return err.toResponse();
  if (err instanceof ZodError) return fromZod(err).toResponse();
  const mapped = fromDatabaseError(err);
  if (mapped) {
    if (mapped.status === 503) (log ?? logger).warn({ err }, "database unavailable");
    return mapped.toResponse();
  }
  (log ?? logger).error({ err }, "unhandled error");
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side" } }, { status: 500 });
}
