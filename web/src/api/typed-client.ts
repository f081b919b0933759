// The typed way to call the API: paths, parameters, bodies and answers all come from schema.gen.ts
// (generated from /api/v1/openapi.json), so a renamed field or route breaks the build, not the page.
// openapi-fetch does the typing; this file adds what client.ts does for untyped calls: the bearer
// token, one refresh-and-retry on 401, and the envelope unwrapped into data or an ApiError.
import createClient from 'openapi-fetch';
import { ApiError, type FieldProblem } from './api-error.ts';
import { refreshAccessToken } from './client.ts';
import type { paths } from './schema.gen.ts';
import { readTokens } from '../auth/token-store.ts';

/** Sends with the stored access token; a 401 spends the refresh token once and replays the request. */
async function fetchWithSession(request: Request): Promise<Response> {
  const token = readTokens()?.accessToken;
  // Cloned before sending: a request body can be read only once, and the replay needs it again.
  const replay = token ? request.clone() : null;
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(request);
  if (response.status !== 401 || !replay) return response;
  const fresh = await refreshAccessToken();
  if (!fresh) return response;
  replay.headers.set('authorization', `Bearer ${fresh}`);
  return fetch(replay);
}

export const api = createClient<paths>({ fetch: fetchWithSession, headers: { accept: 'application/json' } });

interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: FieldProblem[] };
}

interface Answer<Body> {
  data?: Body;
  error?: unknown;
  response: Response;
}

function toApiError(response: Response, error: unknown): ApiError {
  const problem = (typeof error === 'object' && error !== null ? (error as ErrorEnvelope).error : undefined) ?? {};
  return new ApiError(
    response.status,
    problem.code ?? 'HTTP_ERROR',
    problem.message ?? `Request failed with status ${response.status}`,
    problem.details ?? [],
  );
}

/** The envelope of a typed call, or the ApiError it was refused with. */
export async function unwrapEnvelope<Body extends { data?: unknown; meta?: unknown }>(
  call: Promise<Answer<Body>>,
): Promise<Body> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw toApiError(response, error);
  // 204 No Content has no envelope.
  return (data ?? { data: undefined }) as Body;
}

/** The `data` of a typed call's envelope. */
export async function unwrap<Body extends { data?: unknown }>(call: Promise<Answer<Body>>): Promise<Body['data']> {
  return (await unwrapEnvelope(call)).data;
}

/** A cursor-paginated typed call: the page's items and the cursor of the next one. */
export async function unwrapPage<Body extends { data?: unknown[]; meta?: Record<string, unknown> }>(
  call: Promise<Answer<Body>>,
): Promise<{ items: NonNullable<Body['data']>; nextCursor: string | null }> {
  const envelope = await unwrapEnvelope(call);
  const nextCursor = envelope.meta?.nextCursor;
  return {
    items: (envelope.data ?? []) as NonNullable<Body['data']>,
    nextCursor: typeof nextCursor === 'string' ? nextCursor : null,
  };
}

/** A typed call answered with 204 No Content: resolves, or throws the ApiError it was refused with. */
export async function expectNoContent(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok || error !== undefined) throw toApiError(response, error);
}
