// What every server-sent event route shares: who is asking (an EventSource cannot send headers, so a
// token may come as ?access_token=) and opening the stream on the raw response.
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccessTokenSigner } from '../security/jwt.ts';
import { asUnauthorized, type AuthenticatedUser } from './auth-guard.ts';
import { unauthorized } from './errors.ts';

/** The query of a route an EventSource opens: its only way to send the access token. */
export const eventStreamQuery = z.object({ access_token: z.string().max(4096).optional() });

/** The bearer header's user, or else the `?access_token=` one; no token, or a bad one, is a 401. */
export async function eventStreamUser(
  request: FastifyRequest,
  signer: AccessTokenSigner,
  queryToken: string | undefined,
): Promise<AuthenticatedUser> {
  if (request.user) return request.user;
  if (!queryToken) throw unauthorized();
  try {
    const claims = await signer.verify(queryToken);
    return { id: claims.userId, role: claims.role };
  } catch (error) {
    throw asUnauthorized(error);
  }
}

/** Takes the response over from Fastify and starts a `text/event-stream` on it; answers the raw response. */
export function openEventStream(request: FastifyRequest, reply: FastifyReply): ServerResponse {
  reply.hijack();
  reply.raw.writeHead(200, {
    // Headers hooks already set (CORS, security headers) would be lost by hijacking otherwise.
    ...(reply.getHeaders() as Record<string, string | number | string[]>),
    'x-request-id': String(request.id),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Reverse proxies (nginx) would otherwise buffer the stream.
    'x-accel-buffering': 'no',
  });
  return reply.raw;
}
