import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { Role } from '../db/schema.ts';
import { requireRole, requireUser } from './auth-guard.ts';

/**
 * Who may call a route, declared once in its options as `config: { auth }`:
 * - `'required'`: a valid bearer token (401 otherwise);
 * - `'optional'`: anyone; a token, when sent, identifies the caller (`request.user`);
 * - `{ role: 'admin' }` (or a list of roles): a signed-in caller with one of those roles (403 otherwise).
 * The check runs in the route's onRequest, so a caller without the right token is refused before the
 * body is read or validated; the route's OpenAPI entry gets the matching bearer `security`.
 */
export type RouteAuth = 'required' | 'optional' | { role: Role | readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

/** The OpenAPI security requirement of a route that needs a bearer token. */
export const BEARER_SECURITY: Array<Record<string, string[]>> = [{ bearerAuth: [] }];
/** A route that works without a token and reads one when it is sent. */
export const OPTIONAL_BEARER_SECURITY: Array<Record<string, string[]>> = [{}, { bearerAuth: [] }];

/** Synchronous checks (Fastify answers a thrown 401/403 like a rejected one), so no promise per request. */
function checkFor(auth: Exclude<RouteAuth, 'optional'>): onRequestHookHandler {
  if (auth === 'required')
    return (request: FastifyRequest, _reply, done) => {
      requireUser(request);
      done();
    };
  const roles = typeof auth.role === 'string' ? [auth.role] : [...auth.role];
  return (request: FastifyRequest, _reply, done) => {
    requireRole(request, ...roles);
    done();
  };
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Reads `config.auth` of every route declared after it; registered by the auth guard plugin. */
export function installRouteAuth(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const auth = route.config?.auth;
    if (auth === undefined) return;
    route.schema = { ...route.schema, security: auth === 'optional' ? OPTIONAL_BEARER_SECURITY : BEARER_SECURITY };
    if (auth !== 'optional') route.onRequest = [checkFor(auth), ...asList(route.onRequest)];
  });
}
