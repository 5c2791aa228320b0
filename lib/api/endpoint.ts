import type { z } from "zod";
import type { ParamFormat } from "./param-formats";

/**
 * Declared endpoints: each endpoint's method, path, input (path params, query, body) and output, declared
 * once in a client-safe contract (`lib/<capability>/contract.ts`, zod only) and used by
 * - the route: `endpointRoute(endpoint, options, handler)` (lib/api/endpoint-route.ts) parses the input with
 *   these schemas and types the handler's return by `output`;
 * - the browser: `callEndpoint`, `useEndpointQuery`, `useEndpointMutation` (lib/client/endpoint.ts), whose
 *   query keys come from `queryKeys(endpoint, input)` below, so invalidation is by endpoint;
 * - pages: `prefetchEndpoints` (lib/api/prefetch.tsx) puts a server-side result under the same key.
 *
 * Why not a library: ts-rest (the maintained one for this) wants zod 3, React ≤ 18 and Next ≤ 14 in its
 * current release (3.52), and its Next adapter reads the body itself — before our rate limits and capped
 * reader (lib/api/route.ts). This file and its two users are ~250 lines on top of zod and tanstack-query.
 */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** `output: "response"`: not JSON (a calendar file, a redirect); the handler returns a Response. */
export type Endpoint<
  P extends Record<string, ParamFormat> = Record<string, ParamFormat>,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  O extends z.ZodType | "response" = z.ZodType | "response",
> = {
  /** A stable name, the first part of the endpoint's query keys (e.g. `appointments.slots`). */
  key: string;
  method: Method;
  /** The URL with `[name]` for each path parameter, as the route's folder says: `/api/v1/slots/[id]/hold`. */
  path: string;
  /** Formats of the path parameters (lib/api/param-formats.ts): a malformed one is a 404 before anything runs. */
  params?: P;
  query?: Q;
  body?: B;
  output: O;
  /** The status of a success (default 200). */
  status?: number;
};

/** A declared endpoint: its parts are known (present or `undefined`), so the types can tell them apart. */
export type Declared<P, Q, B, O extends z.ZodType | "response"> = Omit<Endpoint, "params" | "query" | "body" | "output"> & {
  params: P;
  query: Q;
  body: B;
  output: O;
};

export function defineEndpoint<
  const P extends Record<string, ParamFormat> = Record<never, ParamFormat>,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  O extends z.ZodType | "response" = "response",
>(e: Endpoint<P, Q, B, O>): Declared<P, Q, B, O> {
  return e as Declared<P, Q, B, O>;
}

type AnyEndpoint = Endpoint<Record<string, ParamFormat>, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | "response">;
type ParamsOf<E extends AnyEndpoint> = { [K in keyof NonNullable<E["params"]>]: string };
type Opt<S> = S extends z.ZodType ? z.input<S> : never;

/** What a caller gives: path params, query and body as the schemas accept them (their input types). */
export type EndpointInput<E extends AnyEndpoint> = (keyof ParamsOf<E> extends never ? { params?: undefined } : { params: ParamsOf<E> }) &
  (E["query"] extends z.ZodType ? { query: Opt<E["query"]> } : { query?: undefined }) &
  (E["body"] extends z.ZodType ? { body: Opt<E["body"]> } : { body?: undefined });

/** What the endpoint answers (the output schema's type); a string for `output: "response"`. */
export type EndpointOutput<E extends AnyEndpoint> = E["output"] extends z.ZodType ? z.output<E["output"]> : string;

/** The URL of a call: path params filled in (encoded), the query as search parameters (arrays repeated). */
export function endpointUrl(e: AnyEndpoint, input: { params?: Record<string, string>; query?: unknown } = {}): string {
  const path = e.path.replace(/\[(\w+)\]/g, (_, name: string) => {
    const v = input.params?.[name];
    if (v === undefined) throw new Error(`${e.key}: path parameter ${name} is missing`);
    return encodeURIComponent(v);
  });
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
    if (v === undefined || v === null || v === "") continue;
    for (const one of Array.isArray(v) ? v : [v]) sp.append(k, String(one));
  }
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The query key of a call: `[endpoint.key, params, query]`. Without input, the endpoint's prefix — which
 * `queryClient.invalidateQueries({ queryKey: queryKeys(endpoint) })` uses to refresh every call of it.
 */
export function queryKeys(e: Pick<AnyEndpoint, "key">, input?: { params?: Record<string, string>; query?: unknown }): readonly unknown[] {
  if (!input) return [e.key];
  return [e.key, input.params ?? {}, input.query ?? {}];
}
