import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { fromPackageRoot } from '../../platform/package-root.ts';

/** Where `vite build` puts the web app (see web/vite.config.ts). */
export const WEB_DIST_DIR = fromPackageRoot('web', 'dist');

/** Paths that belong to the server; an unknown one there stays a JSON 404 instead of the app's page. */
const SERVER_PREFIXES = ['/api', '/media', '/docs', '/health', '/ready', '/metrics'];

/**
 * The service worker and the manifest: named content types (a manifest served as octet-stream is
 * ignored by browsers), and the worker revalidated on every check so a new release reaches people
 * at once. It lives at the root so its scope is the whole site.
 */
const INSTALLABILITY_FILES: Record<string, Record<string, string>> = {
  '/sw.js': {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'no-cache, max-age=0',
    'service-worker-allowed': '/',
  },
  '/manifest.webmanifest': {
    'content-type': 'application/manifest+json; charset=utf-8',
    'cache-control': 'public, max-age=3600',
  },
};

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built web app at `/`: its files as they are, and index.html for every other page path
 * so the app's own router can take it (deep links and reloads work). Registered after every API
 * route, so API routes always win.
 */
export async function webAppRoutes(app: FastifyInstance, { distDir = WEB_DIST_DIR }: { distDir?: string } = {}) {
  await app.register(fastifyStatic, {
    root: distDir,
    serve: false,
    // The build writes .br and .gz beside every text file (web/vite-plugin-precompress.ts): answered by
    // Accept-Encoding, with Vary, and never compressed per request.
    preCompressed: true,
    // Vite puts a content hash in every asset name: a new build means new URLs, so they never go stale.
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.startsWith(join(distDir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      const installable = INSTALLABILITY_FILES[path.slice(distDir.length)];
      if (installable) for (const [name, value] of Object.entries(installable)) reply.header(name, value);
    },
  });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (isServerPath(path)) return reply.callNotFound();
    if (!existsSync(join(distDir, 'index.html'))) {
      return reply
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `npm run build:web` (npm start does it for you).');
    }
    const file = path.slice(1);
    // @fastify/static refuses paths leaving the root too; the check here keeps them from being stat'ed.
    const isAsset = file !== '' && !file.includes('..') && isFile(join(distDir, file));
    return reply.sendFile(isAsset ? file : 'index.html');
  });
}
