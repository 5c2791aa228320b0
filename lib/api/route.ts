import "server-only";
import type { z } from "zod";
import { resolveActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/roles";
import type { Actor, Permission } from "@/lib/auth/roles";
import { appUrl } from "@/lib/env";
import { AppError, badRequest, errorResponse, forbidden, fromZod } from "@/lib/errors";
import { requestLogger } from "@/lib/platform/logger";
import { limitPublic } from "@/lib/platform/rate-limit";
import { BODY_LIMITS, checkDeclaredLength, readFormCapped, readTextCapped } from "./body";
import { validateParams, type ParamSpec } from "./params";

type Params = Record<string, string>;
type Context<P extends Params> = { req: Request; url: URL; params: P; actor: Actor | null };

export type RouteOptions = {
  permission: Permission | "public" | "signedIn";
  /** Formats of the path's ids, checked before anything else (lib/api/params.ts): malformed → 404. */
  params?: ParamSpec;
  /** A per-client-address limit (requests a minute, one purpose), taken before the body is read. */
  rateLimit?: { purpose: string; perMinute: number };
  /** The body cap of this route when it is not the 1 MB of JSON: Content-Length over it → 413 unread. */
  maxBodyBytes?: number;
  /** The form field a 413 names (e.g. `attachments`), for forms that show errors per field. */
  bodyField?: string;
  /** The password change and sign-out stay open to a user who must still change a one-time password. */
  allowPendingPasswordChange?: boolean;
  /** The handler sets or clears the session cookie itself (sign-in, sign-out, password change). */
  ownsSessionCookie?: boolean;
};

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const bodyCaps = new WeakMap<Request, number>();

/**
 * Wraps a route handler. In this order, before the handler runs:
 * 1. path ids have their format (`params`), else 404;
 * 2. cross-site protection of state-changing requests (see `checkSameOrigin`);
 * 3. the rate limit (`rateLimit`), then the declared body size (`maxBodyBytes`, else 1 MB) — all before a
 *    byte of the body is read;
 * 4. the actor (API key or session cookie) and the permission; a session user who must change a one-time
 *    password may only do that.
 * Thrown errors become the API error shape (logged with the request id the server gave, X-Request-Id); plain
 * return values become JSON; the refreshed session cookie (idle timer) rides on the answer.
 * `permission: "public"` means no sign-in needed (public endpoints also rate-limit themselves).
 */
export function apiRoute<P extends Params = Params>(opts: RouteOptions, handler: (ctx: Context<P>) => Promise<unknown>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    let setCookies: string[] = [];
    try {
      const params = ctx?.params ? await ctx.params : ({} as P);
      if (opts.params) validateParams(opts.params, params);
      const stateChanging = STATE_CHANGING.has(req.method);
      // An API key (exempt from the Origin check: no ambient credential) is what actorFromApiKey accepts.
      const apiKey = /^Bearer\s+\S+$/i.test(req.headers.get("authorization") ?? "");
      // The session rule whenever the request carries the session cookie (public routes that also serve
      // sessions included: booking for a caller, a complaint by an agent); without credentials a public
      // route gets the public rule, and any other route its 401 below.
      if (stateChanging && !apiKey) {
        if (hasSessionCookie(req)) checkSameOrigin(req, "session");
        else if (opts.permission === "public") checkSameOrigin(req, "public");
      }
      if (opts.rateLimit) await limitPublic(req, opts.rateLimit.purpose, opts.rateLimit.perMinute);
      const cap = opts.maxBodyBytes ?? BODY_LIMITS.json;
      if (stateChanging) {
        checkDeclaredLength(req.headers.get("content-length"), cap, opts.bodyField);
        bodyCaps.set(req, cap);
      }
      let actor: Actor | null = null;
      if (opts.permission !== "public") {
        const resolved = await resolveActor(req);
        if (!opts.ownsSessionCookie) setCookies = resolved.setCookies;
        actor = resolved.actor;
        if (!actor) throw new AppError(401, "unauthorized", "Sign in first");
        if (actor.mustChangePassword && !opts.allowPendingPasswordChange)
          throw new AppError(403, "password_change_required", "Change your one-time password first (/wachtwoord)");
        if (opts.permission !== "signedIn") requirePermission(actor, opts.permission);
      }
      const result = await handler({ req, url: new URL(req.url), params, actor });
      const res = result instanceof Response ? result : Response.json(result ?? {});
      return withCookies(res, setCookies);
    } catch (err) {
      return withCookies(errorResponse(err, requestLogger(req.headers.get("x-request-id"))), setCookies);
    }
  };
}

const hasSessionCookie = (req: Request) => /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/.test(req.headers.get("cookie") ?? "");

function withCookies(res: Response, cookies: string[]): Response {
  if (!cookies.length) return res;
  try {
    for (const c of cookies) res.headers.append("set-cookie", c);
    return res;
  } catch {
    // Response.redirect() and friends have immutable headers
    const copy = new Response(res.body, res);
    for (const c of cookies) copy.headers.append("set-cookie", c);
    return copy;
  }
}

/**
 * CSRF: a state-changing request that rides on the session cookie must say it comes from our own pages —
 * `Sec-Fetch-Site: same-origin`, or an `Origin` that is this site (APP_URL, or the Host the request came
 * to) — else 403. API-key requests carry no ambient credential and are exempt. Public endpoints (no
 * sign-in; some accept a session too) refuse what the browser marks as coming from another site, and
 * accept requests without Origin and Sec-Fetch-Site (non-browser clients, which CSRF cannot drive).
 */
export function checkSameOrigin(req: Request, kind: "session" | "public"): void {
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  if (site === "same-origin") return;
  const originOk = origin !== null && origin !== "null" && isOwnOrigin(origin, req);
  if (originOk && (site === null || site === "same-site" || site === "none")) return;
  if (kind === "public" && site === null && origin === null) return;
  throw forbidden("Cross-site request refused: send it from this site (or with an API key)");
}

function isOwnOrigin(origin: string, req: Request): boolean {
  if (origin === appUrl()) return true;
  try {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The JSON (or form) body parsed by a zod schema, read through the capped reader (1 MB, or the route's
 * `maxBodyBytes`); a body that is not JSON or does not fit is a 400 naming the fields, a larger one a 413.
 */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const cap = bodyCaps.get(req) ?? BODY_LIMITS.json;
  let raw: unknown;
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    let form: FormData;
    try {
      form = await readFormCapped(req, cap);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw badRequest("The form could not be read", { body: "not a valid form" });
    }
    raw = Object.fromEntries(form.entries());
  } else {
    const text = await readTextCapped(req, cap);
    try {
      raw = text ? JSON.parse(text) : {};
    } catch {
      throw badRequest("The request body is not valid JSON", { body: "not valid JSON" });
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}

/** Query parameters parsed by a zod schema (repeated keys become arrays). */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, "Some query parameters are not valid");
  return parsed.data;
}
