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
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (!header) return;
      const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
      if (!match?.[1])
        throw unauthorized('Authorization header must be "Bearer <access token>"', ErrorCode.INVALID_TOKEN);
      try {
        const claims = await options.signer.verify(match[1]);
        request.user = { id: claims.userId, role: claims.role };
      } catch (error) {
        if (error instanceof InvalidTokenError) {
          throw unauthorized(
            error.message,
            error.reason === 'expired' ? ErrorCode.TOKEN_EXPIRED : ErrorCode.INVALID_TOKEN,
          );
        }
        throw error;
      }
    });
  },
  { name: 'auth-guard' },
);

export function requireUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw unauthorized();
  return request.user;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): AuthenticatedUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
  return user;
}
