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

/** Which responses get which policy: pages and media (documents a browser renders), or API data. */
export interface SecurityPolicies {
  /** HTML pages, the API docs page, media and everything else outside the JSON API. */
  documents: HelmetOptions;
  /** API responses (`/api/`, except the docs page): data; nothing there is rendered as a page (exports are attachments). */
  api: HelmetOptions;
}

/** The API docs page is HTML under /api/: it gets the document policy. */
const API_PREFIX = '/api/';
const API_DOCS_PREFIX = '/api/v1/docs';

/**
 * Puts the headers on every response, on the raw Node response like helmet did, so answers written
 * outside Fastify's reply (the tus protocol engine) carry them too. JSON API responses get a short
 * policy (see app.ts): the page-rendering headers (a full CSP, COOP, Origin-Agent-Cluster, DNS prefetch,
 * download options, referrer policy) do nothing for data, and on the hottest routes they were most of
 * each response's bytes (1.2 KB of headers for a 125-byte like answer; bench/engagement-likes.ts).
 */
export function installSecurityHeaders(app: FastifyInstance, policies: SecurityPolicies): void {
  const documents = computeSecurityHeaders(policies.documents);
  const api = computeSecurityHeaders(policies.api);
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    const { set, remove } = url.startsWith(API_PREFIX) && !url.startsWith(API_DOCS_PREFIX) ? api : documents;
    const raw = reply.raw;
    for (let index = 0; index < set.length; index += 1) raw.setHeader(set[index]![0], set[index]![1]);
    for (let index = 0; index < remove.length; index += 1) raw.removeHeader(remove[index]!);
    done();
  });
}
