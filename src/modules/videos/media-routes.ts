import { posix } from 'node:path';
import { text } from 'node:stream/consumers';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ObjectStorage, PresignCapability } from '../../platform/storage/object-storage.ts';
import { etagMatches, parseRange } from './http-range.ts';
import { MEDIA_PATH, MediaUrlSigner, type SignedFolder } from './media-urls.ts';
import { rewritePlaylistUris } from './playlist-rewrite.ts';
import { videoRepo, type VideoRow } from './repo.ts';
import { shownThumbnailKey } from './shown-thumbnail.ts';
import { videosWithPicturesHeld } from '../moderation/held-for-review.ts';
import { mediaFolderOf, videoKeys } from './storage-keys.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

/** What viewers may fetch inside a video's folder: the outputs, never the source. Dot-led segments are refused. */
const SERVABLE_PATH =
  /^(?:hls\/(?:[\w-][\w.-]*\/)?[\w-][\w.-]*|poster\.jpg|storyboard\.(?:jpg|vtt)|thumbnails\/[\w-]+\.jpg)$/;
const CUSTOM_THUMBNAIL = /^thumbnails\//;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLAYLIST = /\.m3u8$/;
/** Text that refers to sibling files by relative URL, so in S3 mode it is answered here, not redirected. */
const SERVED_AS_TEXT = /\.(?:m3u8|vtt)$/;

interface Access {
  private: boolean;
}

function cacheControl(path: string, access: Access): string {
  const scope = access.private ? 'private' : 'public';
  // Segments and images never change under a key; playlists are re-read so that edits (and, in S3
  // mode, fresh presigned segment URLs) reach players soon.
  if (SERVED_AS_TEXT.test(path)) return access.private ? 'private, no-cache' : `${scope}, max-age=60`;
  return `${scope}, max-age=31536000, immutable`;
}

/** Streams an object with ETag / If-None-Match and single byte ranges. */
async function sendStoredObject(
  storage: ObjectStorage,
  key: string,
  request: FastifyRequest,
  reply: FastifyReply,
  cache: string,
) {
  const metadata = await storage.statObject(key);
  if (!metadata) throw notFound('Media file');
  reply
    .header('cache-control', cache)
    .header('etag', metadata.etag)
    .header('accept-ranges', 'bytes')
    .header('last-modified', metadata.lastModified.toUTCString())
    .type(metadata.contentType);
  if (etagMatches(request.headers['if-none-match'], metadata.etag)) return reply.status(304).send();
  const range = parseRange(request.headers.range, metadata.size);
  if (range === 'unsatisfiable') {
    throw new AppError(416, ErrorCode.RANGE_NOT_SATISFIABLE, `The file is ${metadata.size} bytes long`, undefined, {
      'content-range': `bytes */${metadata.size}`,
    });
  }
  const object = await storage.getObject(key, range ? { range } : {});
  reply.header('etag', object.etag);
  if (object.contentRange) {
    const { start, end } = object.contentRange;
    reply
      .status(206)
      .header('content-range', `bytes ${start}-${end}/${object.size}`)
      .header('content-length', end - start + 1);
  } else {
    reply.header('content-length', object.size);
  }
  return reply.send(object.body);
}

/**
 * S3 mode: bytes come from the store. Media playlists are answered here with their segment URIs
 * replaced by presigned GET URLs (master playlists and WebVTT keep relative URIs, which resolve back
 * here); binary files are a redirect to a presigned URL.
 */
async function sendFromStore(
  presign: PresignCapability,
  storage: ObjectStorage,
  key: string,
  ttlSeconds: number,
  request: FastifyRequest,
  reply: FastifyReply,
  cache: string,
) {
  if (!SERVED_AS_TEXT.test(key)) {
    return reply
      .status(302)
      .header('cache-control', 'private, max-age=60')
      .redirect(await presign.getUrl(key, ttlSeconds));
  }
  if (!PLAYLIST.test(key)) return sendStoredObject(storage, key, request, reply, cache);
  const stored = await storage.getObject(key).catch(() => {
    throw notFound('Media file');
  });
  const playlist = await rewritePlaylistUris(await text(stored.body), async (uri) =>
    PLAYLIST.test(uri) ? uri : presign.getUrl(posix.join(posix.dirname(key), uri), ttlSeconds),
  );
  return reply.header('cache-control', cache).type(stored.contentType).send(playlist);
}

const mediaParams = z.object({ videoId: z.string(), '*': z.string() });
const signedMediaParams = mediaParams.extend({ expires: z.string(), signature: z.string() });

/**
 * Playback files under /media: `/media/videos/<id>/...` for public and unlisted videos, and
 * `/media/s/<expires>/<signature>/videos/<id>/...` (see MediaUrlSigner) for private ones. Only ready
 * videos are served; the source upload never is.
 */
export async function mediaRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const {
    storage,
    config,
    database: { db },
  } = platform;
  const signer = new MediaUrlSigner(platform.jwtSecret);

  const serve = async (
    request: FastifyRequest,
    reply: FastifyReply,
    videoId: string,
    path: string,
    signed?: SignedFolder,
  ) => {
    if (!UUID.test(videoId) || !SERVABLE_PATH.test(path)) throw notFound('Media file');
    const folder = videoKeys(videoId).folder;
    if (signed && !signer.verify(folder, signed))
      throw forbidden('This media link is invalid or has expired; ask for a new one');
    const video = await videoRepo.findById(db, videoId);
    if (video?.status !== 'ready') throw notFound('Media file');
    if (!signed && video.visibility === 'private')
      throw forbidden('This video is private; use the signed URL from /api/v1/videos/{id}/stream-url');
    const key = CUSTOM_THUMBNAIL.test(path)
      ? await shownCustomThumbnail(video, path)
      : // The URL names the video's folder; its files may live in a shared one (seeded catalogues).
        `${mediaFolderOf(video)}/${path}`;
    const cache = cacheControl(path, { private: video.visibility === 'private' });
    if (storage.presign)
      return sendFromStore(storage.presign, storage, key, config.mediaUrlTtlSeconds, request, reply, cache);
    return sendStoredObject(storage, key, request, reply, cache);
  };

  /** Only the video's current custom thumbnail, and not while moderation holds its pictures. */
  const shownCustomThumbnail = async (video: VideoRow, path: string): Promise<string> => {
    const key = `${videoKeys(video.id).folder}/${path}`;
    const held = (await videosWithPicturesHeld(db, [video.id])).has(video.id);
    if (key !== shownThumbnailKey(video, held)) throw notFound('Media file');
    return key;
  };

  const routes = app.withTypeProvider<ZodTypeProvider>();
  const binary = z
    .unknown()
    .describe('The file (HLS playlist, MPEG-TS segment, JPEG or WebVTT); 206 for a Range request');

  routes.get(
    `${MEDIA_PATH}/videos/:videoId/*`,
    {
      schema: {
        tags: ['media'],
        summary:
          'A playback file of a public or unlisted video (HLS playlists and segments, poster, custom thumbnail, storyboard)',
        params: mediaParams,
        response: { 200: binary },
      },
    },
    (request, reply) => serve(request, reply, request.params.videoId, request.params['*']),
  );

  routes.get(
    `${MEDIA_PATH}/s/:expires/:signature/videos/:videoId/*`,
    {
      schema: {
        tags: ['media'],
        summary: 'A playback file through a signed, expiring URL (private videos); get one from stream-url',
        params: signedMediaParams,
        response: { 200: binary },
      },
    },
    (request, reply) => {
      const { expires, signature, videoId } = request.params;
      return serve(request, reply, videoId, request.params['*'], {
        expiresUnix: /^\d{1,12}$/.test(expires) ? Number(expires) : -1,
        signature,
      });
    },
  );
}
