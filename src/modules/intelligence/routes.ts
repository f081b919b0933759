import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { analysisRoutes } from './analysis-routes.ts';
import { askRoutes } from './ask-routes.ts';
import { similarRoutes } from './similar-routes.ts';
import { transcriptRoutes } from './transcript-routes.ts';
import { usageRoutes } from './usage-routes.ts';

/** The AI layer's video routes: transcript and insight edits, similar videos, Q&A. */
export async function intelligenceRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  // Only the platform is handed on: the options also carry this plugin's prefix, which must not apply twice.
  await app.register(transcriptRoutes, { platform });
  await app.register(similarRoutes, { platform });
  await app.register(askRoutes, { platform });
  await app.register(analysisRoutes, { platform });
  await app.register(usageRoutes, { platform });
}
