import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../db/schema.ts';
import { InvalidTokenError, type AccessTokenSigner } from '../security/jwt.ts';
import { forbidden, unauthorized } from './errors.ts';
import { installRouteAuth } from './route-auth.ts';
import { ErrorCode } from './error-codes.ts';

export interface AuthenticatedUser {
  id: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the request carried a valid access token. */
    user?: AuthenticatedUser;
  }
}

/**
 * Reads the bearer token on every request. A missing token leaves `request.user` empty (public routes
 * still work); a present but bad token is always a 401 so clients know to refresh.
 */
export const authGuardPlugin = fp(
  async (app: FastifyInstance, options: { signer: AccessTokenSigner }) => {
    app.decorateRequest('user', undefined);
    installRouteAuth(app);
    // Callback style: a token verified before (a signed-in client's every request) is settled without
    // a promise; only a new token waits for the signature check.
    app.addHook('onRequest', (request, _reply, done) => {
      const header = request.headers.authorization;
      if (!header) return done();
      const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
      if (!match?.[1])
        throw unauthorized('Authorization header must be "Bearer <access token>"', ErrorCode.INVALID_TOKEN);
      const known = options.signer.verifiedBefore(match[1]);
      if (known) {
        request.user = { id: known.userId, role: known.role };
        return done();
      }
      options.signer.verify(match[1]).then(
        (claims) => {
          request.user = { id: claims.userId, role: claims.role };
          done();
        },
        (error: unknown) => done(asUnauthorized(error)),
      );
    });
  },
  { name: 'auth-guard' },
);

/** A token the signer refused is a 401 (expired or invalid); anything else passes through as is. */
export function asUnauthorized(error: unknown): Error {
  if (error instanceof InvalidTokenError)
    return unauthorized(error.message, error.reason === 'expired' ? ErrorCode.TOKEN_EXPIRED : ErrorCode.INVALID_TOKEN);
  return error instanceof Error ? error : new Error(String(error));
}

export function requireUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw unauthorized();
  return request.user;
}

/**
 * Publishing (videos, streams, classes, courses) is for accounts with a channel. A viewer is refused with
 * the way to open one, which the web app offers as a button.
 */
export function assertHasChannel(user: AuthenticatedUser, refused: string): void {
  if (user.role === 'viewer')
    throw forbidden(`Viewers cannot ${refused}; open a channel first (PUT /api/v1/users/{id} with role "creator")`);
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): AuthenticatedUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
  return user;
}
