import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { parseBody, parseQuery, apiRoute, type RouteOptions } from "./route";
import type { Endpoint, EndpointOutput } from "./endpoint";
import type { ParamFormat } from "./param-formats";

/**
 * A route handler from a declared endpoint (lib/api/endpoint.ts), built on `apiRoute`: everything it does
 * stays (path-param formats → 404, CSRF, rate limit and body cap before the body is read, actor and
 * permission, the error shape). Then:
 * - `params`: the path parameters, decoded;
 * - `query`: parsed by the endpoint's query schema (400 naming the fields);
 * - `body()`: reads and parses the body by the endpoint's body schema — lazily, so that a handler's own
 *   guards (the anonymous-write challenge, a per-purpose rate limit) run before a byte is read. A handler
 *   that must accept a different shape for some callers passes that schema: `body(agentBookBody)`.
 * The handler returns the output (typed by the output schema), `reply(output, { status, headers })`, or — only
 * for `output: "response"` endpoints — a Response. Outside production the output is checked against the
 * schema, so a contract that drifts from its service fails the tests, not the users.
 */
type Out<E extends Endpoint> = E["output"] extends z.ZodType ? z.input<E["output"]> : never;

const REPLY = Symbol("reply");
export type Reply<T> = { [REPLY]: true; value?: T; text?: string; status?: number; headers?: Record<string, string> };

/** The output with a status or headers of its own (e.g. `Cache-Control`). */
export const reply = <T>(value: T, init: { status?: number; headers?: Record<string, string> } = {}): Reply<T> => ({
  [REPLY]: true,
  value,
  ...init,
});
/** An output already serialised (a cached body): the caller vouches that `text` is the JSON of a `T`. */
export const replyJson = <T>(text: string, init: { status?: number; headers?: Record<string, string> } = {}): Reply<T> => ({
  [REPLY]: true,
  text,
  ...init,
});

type Ctx<E extends Endpoint, A = Actor | null> = {
  req: Request;
  url: URL;
  /** The signed-in user or API key; never null unless the route is public. */
  actor: A;
  params: E["params"] extends Record<string, ParamFormat> ? { [K in keyof E["params"]]: string } : Record<string, never>;
  query: E["query"] extends z.ZodType ? z.output<E["query"]> : undefined;
  body: {
    (): Promise<E["body"] extends z.ZodType ? z.output<E["body"]> : never>;
    <S extends z.ZodType>(schema: S): Promise<z.output<S>>;
  };
};
type Result<E extends Endpoint> = E["output"] extends "response" ? Response : Out<E> | Reply<Out<E>>;

export type EndpointRouteOptions = Omit<RouteOptions, "params">;

const checkOutput = process.env.NODE_ENV !== "production";

export function endpointRoute<E extends Endpoint, O extends EndpointRouteOptions>(
  endpoint: E,
  opts: O,
  handler: (ctx: Ctx<E, O["permission"] extends "public" ? Actor | null : Actor>) => Promise<Result<E>>,
) {
  return apiRoute<Record<string, string>>({ ...opts, params: endpoint.params }, async ({ req, url, params, actor }) => {
    const decoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeURIComponent(v)]));
    const query = endpoint.query ? parseQuery(url, endpoint.query) : undefined;
    const body = ((schema?: z.ZodType) => {
      const s = schema ?? endpoint.body;
      if (!s) throw new Error(`${endpoint.key} declares no body`);
      return parseBody(req, s);
    }) as Ctx<E>["body"];
    const result = await handler({ req, url, actor, params: decoded, query, body } as Ctx<E, Actor>);
    if (result instanceof Response) return result;
    const r: Reply<unknown> =
      result && typeof result === "object" && REPLY in result ? (result as Reply<unknown>) : { [REPLY]: true, value: result };
    const status = r.status ?? endpoint.status ?? 200;
    if (r.text !== undefined) return new Response(r.text, { status, headers: { "Content-Type": "application/json", ...r.headers } });
    if (checkOutput && endpoint.output !== "response") {
      const checked = endpoint.output.safeParse(r.value);
      if (!checked.success) throw new Error(`${endpoint.key}: the answer does not fit the contract: ${checked.error.message}`);
    }
    return Response.json(r.value ?? {}, { status, headers: r.headers });
  });
}

export type { EndpointOutput };
