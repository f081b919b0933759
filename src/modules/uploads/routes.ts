import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { startExpirySweeper } from './expiry-sweeper.ts';
import { tusRoutes } from './tus-routes.ts';
import { TUS_ENDPOINT } from './upload-policy.ts';
import { videoUploadRoutes } from './video-upload-routes.ts';

/**
 * Uploads of video sources: tus at /api/v1/uploads (both modes), the S3 direct flow under
 * /api/v1/videos (S3 mode), and the sweeper that removes abandoned uploads' bytes.
 */
export async function uploadRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const { uploads, direct, tus, tusStorage } = services.uploads;
  await app.register(tusRoutes, { uploads, tus, tusStorage, prefix: TUS_ENDPOINT });
  await app.register(videoUploadRoutes, { direct, uploads, prefix: '/api/v1/videos' });

  let sweeper: { stop(): void } | undefined;
  app.addHook('onReady', async () => {
    sweeper = startExpirySweeper(uploads, platform.logger);
  });
  app.addHook('onClose', async () => {
    sweeper?.stop();
  });
}
