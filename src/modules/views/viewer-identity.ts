import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** The anonymous session cookie a web client may set instead of sending X-Session-Id. */
export const SESSION_COOKIE = 'streamhub_sid';
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

function sessionCookie(header: string | undefined): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [name, value] = part.trim().split('=', 2);
    // A malformed cookie is ignored rather than refused: other software may share the cookie jar.
    if (name === SESSION_COOKIE && value && SESSION_ID_PATTERN.test(value)) return value;
  }
  return undefined;
}

function viewerIdentity(request: FastifyRequest, sessionHeader: string | undefined): string {
  if (request.user) return `user:${request.user.id}`;
  const session = sessionHeader ?? sessionCookie(request.headers.cookie);
  if (session) return `session:${session}`;
  return `client:${request.ip}\n${request.headers['user-agent'] ?? ''}`;
}

/**
 * Who is watching, for view de-duplication: the account when signed in, else the client's session
 * id (X-Session-Id header, then cookie), else IP and user agent. Hashed, so the dedupe store keeps
 * no raw IP or session id.
 */
export function viewerFingerprint(request: FastifyRequest, sessionHeader: string | undefined): string {
  return createHash('sha256').update(viewerIdentity(request, sessionHeader)).digest('base64url').slice(0, 32);
}
