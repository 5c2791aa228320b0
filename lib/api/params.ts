import { AppError } from "@/lib/errors";
import { PARAM_FORMATS, type ParamSpec } from "./param-formats";

export { PARAM_FORMATS, type ParamFormat, type ParamSpec } from "./param-formats";

function decoded(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Throws the 404 for the first path segment that does not have its format. */
export function validateParams(spec: ParamSpec, params: Record<string, string | string[] | undefined>): void {
  for (const [name, format] of Object.entries(spec)) {
    const raw = params[name];
    const value = typeof raw === "string" ? decoded(raw) : null;
    if (value === null || !PARAM_FORMATS[format].test(value)) throw new AppError(404, "not_found", `Not found: no ${name} has this form`);
  }
}

/** For pages: whether every named segment has its format (the page calls notFound() when not). */
export function paramsValid(spec: ParamSpec, params: Record<string, string | string[] | undefined>): boolean {
  try {
    validateParams(spec, params);
    return true;
  } catch {
    return false;
  }
}
