import "server-only";
import type { z } from "zod";
import { currentActor, requirePermission } from "@/lib/auth/actor";
import type { Actor, Permission } from "@/lib/auth/roles";
import { AppError, badRequest, errorResponse, fromZod } from "@/lib/errors";

type Params = Record<string, string>;
type Context<P extends Params> = { req: Request; url: URL; params: P; actor: Actor | null };

/**
 * Wraps a route handler: resolves the actor (session cookie or API key), checks the permission when one is
 * given, turns thrown errors into the API error shape, and plain return values into JSON.
 * `permission: "public"` means no sign-in needed (the public endpoints rate-limit themselves).
 */
export function apiRoute<P extends Params = Params>(
  opts: { permission: Permission | "public" | "signedIn" },
  handler: (ctx: Context<P>) => Promise<unknown>,
) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      let actor: Actor | null = null;
      if (opts.permission !== "public") {
        actor = await currentActor(req);
        if (!actor) throw new AppError(401, "unauthorized", "Sign in first");
        if (opts.permission !== "signedIn") requirePermission(actor, opts.permission);
      }
      const result = await handler({ req, url: new URL(req.url), params: ctx?.params ? await ctx.params : ({} as P), actor });
      if (result instanceof Response) return result;
      return Response.json(result ?? {});
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** The JSON body parsed by a zod schema; a body that is not JSON or does not fit is a 400 naming the fields. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      raw = Object.fromEntries((await req.formData()).entries());
    } else {
      const text = await req.text();
      raw = text ? JSON.parse(text) : {};
    }
  } catch {
    throw badRequest("The request body is not valid JSON", { body: "not valid JSON" });
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
