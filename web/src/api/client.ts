// The one way the web app talks to the StreamHub API: JSON envelopes in, typed data or ApiError out.
// A 401 on a signed-in call spends the refresh token once (shared by concurrent calls) and retries.
import { ApiError, type FieldProblem } from './api-error.ts';
import type { Page, Session } from './types.ts';
import { clearTokens, readTokens, saveSession } from '../auth/token-store.ts';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Lets the request outlive the page (progress saved while the tab closes). */
  keepalive?: boolean;
}

interface Envelope<T> {
  success: boolean;
  data: T;
  meta?: Record<string, unknown>;
  error?: { code: string; message: string; details?: FieldProblem[] };
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

let refreshing: Promise<string | null> | null = null;

/** Trades the stored refresh token for a new session; null (and signed out) when it was refused. */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    const tokens = readTokens();
    if (!tokens) return null;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    if (!response.ok) {
      // A network failure keeps the tokens; a refusal means the session is over.
      if (response.status === 401 || response.status === 403 || response.status === 400) clearTokens();
      return null;
    }
    const session = ((await response.json()) as Envelope<Session>).data;
    saveSession(session);
    return session.accessToken;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function expiresSoon(accessToken: string): boolean {
  try {
    const payload = JSON.parse(atob(accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: number;
    };
    return !payload.exp || payload.exp * 1000 - Date.now() < 30_000;
  } catch {
    return true;
  }
}

/** A fresh access token for calls made outside `request` (tus uploads, EventSource), which cannot retry on 401. */
export async function currentAccessToken(): Promise<string | null> {
  const token = readTokens()?.accessToken;
  if (!token) return null;
  return expiresSoon(token) ? refreshAccessToken() : token;
}

async function send(path: string, options: RequestOptions, accessToken: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  return fetch(withQuery(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    keepalive: options.keepalive,
  });
}

async function toEnvelope<T>(response: Response): Promise<Envelope<T> | null> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as Envelope<T>;
  } catch {
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      `The server answered ${response.status} with something that is not JSON`,
    );
  }
}

/** Calls the API and answers the envelope (data plus meta). */
export async function requestEnvelope<T>(
  path: string,
  options: RequestOptions = {},
): Promise<{ data: T; meta: Record<string, unknown> }> {
  const token = readTokens()?.accessToken;
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    const fresh = await refreshAccessToken();
    if (fresh) response = await send(path, options, fresh);
  }
  const envelope = await toEnvelope<T>(response);
  if (!response.ok || (envelope && envelope.success === false)) {
    const error = envelope?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_ERROR',
      error?.message ?? `Request failed with status ${response.status}`,
      error?.details ?? [],
    );
  }
  return { data: envelope?.data as T, meta: envelope?.meta ?? {} };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestEnvelope<T>(path, options)).data;
}

/** A cursor-paginated list: the page's items and the cursor of the next one. */
export async function requestPage<T>(path: string, query: Query = {}): Promise<Page<T>> {
  const { data, meta } = await requestEnvelope<T[]>(path, { query });
  return { items: data, nextCursor: (meta.nextCursor as string | null | undefined) ?? null };
}
