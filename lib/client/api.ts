import type { ErrorParams, FieldCodes } from "@/lib/api/error-codes";

/**
 * The browser's one way to call the JSON API (used by every tanstack-query hook, and by lib/client/endpoint.ts).
 * Throws ApiError with the API's error shape: the codes (`code`, `fieldCodes`, `params`, `fieldParams`) are
 * what the UI translates (lib/client/form-errors.ts); `message` and `fields` are English for developers.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfter?: number,
    readonly fieldCodes: FieldCodes = {},
    readonly params: ErrorParams = {},
    readonly fieldParams: Record<string, ErrorParams> = {},
  ) {
    super(message);
  }
}

type FetchOpts = { method?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal };

/**
 * A 429 `challenge_required` (issue 11.4) is answered without the user noticing: the proof of work is solved
 * (lib/client/challenge.ts) and the same request goes again, once, with the solution in the named header.
 */
export async function apiFetch<T = unknown>(url: string, opts: FetchOpts = {}, solved = false): Promise<T> {
  const res = await fetch(url, {
    method: opts.method ?? "GET",
    headers: opts.rawBody ? opts.headers : { "content-type": "application/json", ...opts.headers },
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    signal: opts.signal,
    credentials: "same-origin",
  });
  if (!res.ok) {
    const json = await res.json().catch(() => null);
    const e = json?.error ?? {};
    if (res.status === 429 && e.code === "challenge_required" && e.challenge?.parameters && !solved) {
      // Loaded only when a challenge comes (rarely): the solver and its worker stay out of every page's bundle.
      // eslint-disable-next-line no-restricted-syntax -- optional at run time, not a cycle
      const { solveApiChallenge } = await import("./challenge");
      const answer = await solveApiChallenge(e.challenge);
      if (answer) return apiFetch<T>(url, { ...opts, headers: { ...opts.headers, [e.challenge.header ?? "X-Altcha"]: answer } }, true);
    }
    const retry = res.headers.get("retry-after");
    throw new ApiError(
      res.status,
      e.code ?? "http_" + res.status,
      e.message ?? res.statusText,
      e.fields ?? {},
      retry ? Number(retry) : undefined,
      e.fieldCodes ?? {},
      e.params ?? (retry ? { seconds: Number(retry) } : {}),
      e.fieldParams ?? {},
    );
  }
  const type = res.headers.get("content-type") ?? "";
  return (type.includes("json") ? await res.json() : await res.text()) as T;
}
