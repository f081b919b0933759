import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { ObjectNotFoundError } from '../../platform/storage/object-storage.ts';
import type { Services } from '../services.ts';
import { liveHlsPrefix } from './ingest/segment-publisher.ts';
import { LIVE_MEDIA_PATH } from './presenter.ts';

/** Inside a stream's HLS folder: the master, a rendition's playlist, or a segment. */
const SERVABLE_PATH = /^hls\/(?:[\w-]+\/)?[\w-][\w.-]*\.(?:m3u8|ts)$/;
const params = z.object({ streamId: z.uuid(), '*': z.string() });

/**
 * Live HLS under the same /media delivery as videos: `/media/live/<streamId>/hls/...`, read from object
 * storage, where the ingest (in this process or `streamhub live` elsewhere) publishes it. Playlists
 * change every segment, so they are never cached; segments never change under a name.
 */
export async function liveMediaRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  app.get(`${LIVE_MEDIA_PATH}/:streamId/*`, { schema: { hide: true } }, async (request, reply) => {
    const parsed = params.safeParse(request.params);
    if (!parsed.success || !SERVABLE_PATH.test(parsed.data['*'])) throw notFound('Media file');
    const { streamId } = parsed.data;
    const stream = await services.live.liveStreams.findById(streamId);
    if (!stream || stream.kind !== 'live') throw notFound('Media file');
    const relative = parsed.data['*'].slice('hls/'.length);
    const key = `${liveHlsPrefix(streamId)}/${relative}`;
    try {
      const object = await platform.storage.getObject(key);
      const playlist = key.endsWith('.m3u8');
      return reply
        .header('cache-control', playlist ? 'no-cache' : 'public, max-age=31536000, immutable')
        .header('content-length', object.size)
        .type(playlist ? 'application/vnd.apple.mpegurl' : 'video/mp2t')
        .send(object.body);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw notFound('Media file');
      throw error;
    }
  });
}
