import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { askRoutes } from './ask-routes.ts';
import { similarRoutes } from './similar-routes.ts';
import { transcriptRoutes } from './transcript-routes.ts';

/** The AI layer's video routes: transcript and insight edits, similar videos, Q&A. */
export async function intelligenceRoutes(app: FastifyInstance, options: { platform: Platform }) {
  await app.register(transcriptRoutes, options);
  await app.register(similarRoutes, options);
  await app.register(askRoutes, options);
}
