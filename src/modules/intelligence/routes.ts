import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { analysisRoutes } from './analysis-routes.ts';
import { askRoutes } from './ask-routes.ts';
import { similarRoutes } from './similar-routes.ts';
import { transcriptRoutes } from './transcript-routes.ts';
import { usageRoutes } from './usage-routes.ts';

/** The AI layer's video routes: transcript and insight edits, similar videos, Q&A, analysis status; the admin's AI usage. */
export async function intelligenceRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  // Only the platform and services are handed on: the options also carry this plugin's prefix, which must not apply twice.
  await app.register(transcriptRoutes, { platform, services });
  await app.register(similarRoutes, { platform, services });
  await app.register(askRoutes, { services });
  await app.register(analysisRoutes, { services });
  await app.register(usageRoutes, { platform, services });
}
