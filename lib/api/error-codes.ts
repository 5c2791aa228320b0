import type { z } from "zod";

/**
 * The API error shape (spec 00), as clients read it, and the one zod error map that turns validation issues
 * into codes. Client-safe: no server imports (the UI translates the codes, lib/client/form-errors.ts).
 *
 * `{"error": {"code", "message", "fields"?, "fieldCodes"?, "params"?, "fieldParams"?, "aliases"?}}`
 * - `message`, `fields`: developer-facing English, as before (API clients and logs keep working);
 * - `fieldCodes`: a code per field of `fields` (always present when `fields` is): `required`, `invalid_email`,
 *   `too_long`, `booking_cap_email`, … — the UI's `errors` catalogue translates them;
 * - `params`: the values the error's own code needs (`{"seconds": 30}` for `rate_limited`);
 * - `fieldParams`: the values a field's code needs (`{"name": {"max": 200}}` for `too_long`).
 */
export type FieldCodes = Record<string, string>;
export type ErrorParams = Record<string, string | number>;
export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    fieldCodes?: FieldCodes;
    params?: ErrorParams;
    fieldParams?: Record<string, ErrorParams>;
    aliases?: string[];
  };
};

/**
 * A check's code, for `.refine(fn, coded("date_format", "expected a date YYYY-MM-DD"))` — zod keeps `params`
 * on the custom issue, and the error map below reads the code from there.
 */
export const coded = (code: string, message: string, params: ErrorParams = {}) => ({ message, params: { code, ...params } });

type Issue = z.core.$ZodIssue;

/** One zod issue → its code and parameters (the error map of the whole API). */
export function issueCode(issue: Issue): { code: string; params?: ErrorParams } {
  switch (issue.code) {
    case "custom": {
      const { code, ...params } = (issue.params ?? {}) as { code?: string } & ErrorParams;
      return code ? { code, ...(Object.keys(params).length ? { params } : {}) } : { code: "invalid" };
    }
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return { code: "required" };
      return { code: issue.expected === "int" ? "whole_number" : "invalid" };
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? { code: "required" } : { code: "too_short", params: { min } };
      if (issue.origin === "array" || issue.origin === "set") return min <= 1 ? { code: "required" } : { code: "too_few", params: { min } };
      return { code: "too_small", params: { min } };
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return { code: "too_long", params: { max } };
      if (issue.origin === "array" || issue.origin === "set") return { code: "too_many", params: { max } };
      return { code: "too_big", params: { max } };
    }
    case "invalid_format":
      if (issue.format === "email") return { code: "invalid_email" };
      if (issue.format === "uuid" || issue.format === "guid") return { code: "invalid_id" };
      return { code: "invalid_format" };
    case "invalid_value":
      return { code: "invalid_choice" };
    default:
      return { code: "invalid" };
  }
}

/** Zod issues → `fields` (English, the issue's message), `fieldCodes` and `fieldParams`, keyed by the dotted path. */
export function zodFieldErrors(issues: readonly Issue[]): {
  fields: Record<string, string>;
  fieldCodes: FieldCodes;
  fieldParams: Record<string, ErrorParams>;
} {
  const fields: Record<string, string> = {};
  const fieldCodes: FieldCodes = {};
  const fieldParams: Record<string, ErrorParams> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    if (key in fields) continue;
    fields[key] = issue.message;
    const { code, params } = issueCode(issue);
    fieldCodes[key] = code;
    if (params) fieldParams[key] = params;
  }
  return { fields, fieldCodes, fieldParams };
}
