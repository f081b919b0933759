import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** What helmet does to a response: headers it sets and headers it removes. */
export interface SecurityHeaders {
  set: Array<[name: string, value: string]>;
  remove: string[];
}

/**
 * Runs helmet once against a recording response and keeps what it did. Helmet's answer depends only
 * on its options (no directive here is a per-request function such as a nonce), so every response
 * can replay the same headers instead of rebuilding helmet and re-parsing the policy per request,
 * which @fastify/helmet does.
 */
export function computeSecurityHeaders(options: HelmetOptions): SecurityHeaders {
  const recorded: SecurityHeaders = { set: [], remove: [] };
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      recorded.set.push([name, String(value)]);
      return response;
    },
    removeHeader(name: string) {
      recorded.remove.push(name);
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return recorded;
}

/**
 * Puts the headers on every response, on the raw Node response like helmet did, so answers written
 * outside Fastify's reply (the tus protocol engine) carry them too.
 */
export function installSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const { set, remove } = computeSecurityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (let index = 0; index < set.length; index += 1) raw.setHeader(set[index]![0], set[index]![1]);
    for (let index = 0; index < remove.length; index += 1) raw.removeHeader(remove[index]!);
    done();
  });
}
