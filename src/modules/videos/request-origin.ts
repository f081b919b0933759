import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/** Scheme and host that clients reach us on: PUBLIC_URL when set, else what the request says. */
export function requestOrigin(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}
