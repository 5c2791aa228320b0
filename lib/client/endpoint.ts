"use client";
import { useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from "@tanstack/react-query";
import { endpointUrl, queryKeys, type Endpoint, type EndpointInput, type EndpointOutput } from "@/lib/api/endpoint";
import { apiFetch, type ApiError } from "./api";

/**
 * The typed client of declared endpoints (lib/api/endpoint.ts): the input and the answer are the contract's
 * types, the query key is `queryKeys(endpoint, input)`. Errors are ApiError (codes for the UI to translate).
 */
export function callEndpoint<E extends Endpoint>(endpoint: E, input: EndpointInput<E>, opts: { signal?: AbortSignal } = {}) {
  const { params, query, body } = input as { params?: Record<string, string>; query?: unknown; body?: unknown };
  return apiFetch<EndpointOutput<E>>(endpointUrl(endpoint, { params, query }), { method: endpoint.method, body, signal: opts.signal });
}

type QueryOpts<E extends Endpoint> = Omit<UseQueryOptions<EndpointOutput<E>, ApiError>, "queryKey" | "queryFn">;

/** A read: `useEndpointQuery(slotsEndpoint, { query: { desk, product } }, { enabled })`. */
export function useEndpointQuery<E extends Endpoint>(endpoint: E, input: EndpointInput<E>, options: QueryOpts<E> = {}) {
  const { params, query } = input as { params?: Record<string, string>; query?: unknown };
  return useQuery<EndpointOutput<E>, ApiError>({
    queryKey: queryKeys(endpoint, { params, query }),
    queryFn: ({ signal }) => callEndpoint(endpoint, input, { signal }),
    ...options,
  });
}

/** A write: `useEndpointMutation(holdEndpoint).mutate({ params: { id }, body: { persons } })`. */
export function useEndpointMutation<E extends Endpoint, Ctx = unknown>(
  endpoint: E,
  options: Omit<UseMutationOptions<EndpointOutput<E>, ApiError, EndpointInput<E>, Ctx>, "mutationFn"> = {},
) {
  return useMutation<EndpointOutput<E>, ApiError, EndpointInput<E>, Ctx>({
    mutationFn: (input) => callEndpoint(endpoint, input),
    ...options,
  });
}
