import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser, type AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { notFound, validationError } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { videoReports } from '../videos/video-report-queries.ts';
import type { Services } from '../services.ts';
import { sendCsv, wantsCsv } from './csv.ts';
import { platformStats, STORAGE_CSV_COLUMNS } from './platform-stats.ts';
import { parseRange, type Range } from './query-service.ts';
import {
  breakdownSchema,
  channelQuery,
  eventBatchSchema,
  ingestResultSchema,
  rangeQuery,
  seriesPointSchema,
  totalsSchema,
} from './schemas.ts';

const csvNote = ' Send `Accept: text/csv` for the table as CSV.';

function rangeOrThrow(query: { from?: string; to?: string; granularity: 'hour' | 'day' }): Range {
  const range = parseRange(query);
  if ('error' in range) throw validationError('The date range is invalid', [range.error]);
  return range;
}

const isPrivileged = (actor: AuthenticatedUser, ownerId: string) => actor.id === ownerId || actor.role === 'admin';

/** Player event ingest, creator dashboards (owner or admin only; others get 404) and platform analytics. */
export async function analyticsRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { analytics, videos } = services;
  const countryHeader = platform.config.analytics.countryHeader;

  /** The video when the actor owns it or is an admin; 404 otherwise, as for a private video. */
  const ownedVideo = async (request: FastifyRequest, videoId: string) => {
    const actor = requireUser(request);
    const video = await videos.getVisible(actor, videoId);
    if (!isPrivileged(actor, video.creator_id)) throw notFound('Video');
    return video;
  };

  routes.post(
    '/analytics/events',
    {
      // The per-session token bucket applies (ANALYTICS_BATCHES_PER_MINUTE); the global per-IP limit would
      // punish a household or a school behind one address.
      config: { auth: 'optional', rateLimit: false },
      schema: {
        tags: ['analytics'],
        summary: 'Report a batch of player events (anonymous allowed)',
        description:
          `At most 100 events, none older than 24 hours; event times are corrected by the offset between \`sentAt\` and the server clock. ` +
          'Answers 202 before the events are stored: they are inserted in batches by the workers.',
        body: eventBatchSchema,
        response: { 202: envelope(ingestResultSchema) },
      },
    },
    async (request, reply) => {
      const country = countryHeader ? request.headers[countryHeader] : undefined;
      const result = await analytics.ingest.ingest(request.body, {
        actor: request.user,
        userAgent: request.headers['user-agent'],
        country: typeof country === 'string' ? country : undefined,
        receivedAt: Date.now(),
      });
      return reply.code(202).send(ok(result));
    },
  );

  routes.get(
    '/analytics/videos/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['analytics'],
        summary: "A video's totals and time series (views, watch time, engagement, playback quality)",
        description: `Owner or admin only.${csvNote}`,
        params: videoIdParams,
        querystring: rangeQuery,
        response: { 200: envelope(z.object({ totals: totalsSchema, series: z.array(seriesPointSchema) })) },
      },
    },
    async (request, reply) => {
      const video = await ownedVideo(request, request.params.id);
      const result = await analytics.queries.videoOverview(video.id, rangeOrThrow(request.query));
      if (wantsCsv(request)) return sendCsv(reply, `video-${video.id}`, result.series);
      return ok(result);
    },
  );

  routes.get(
    '/analytics/videos/:id/retention',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['analytics'],
        summary: 'Retention curve: % of viewers still watching at each 1 % of the video',
        description: `Owner or admin only.${csvNote}`,
        params: videoIdParams,
        querystring: rangeQuery,
        response: {
          200: envelope(
            z.object({
              durationSeconds: z.number().nullable(),
              views: z.number(),
              curve: z.array(z.object({ percent: z.number(), viewers: z.number(), retention: z.number() })),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const video = await ownedVideo(request, request.params.id);
      const result = await analytics.queries.retention(video.id, rangeOrThrow(request.query));
      if (wantsCsv(request)) return sendCsv(reply, `retention-${video.id}`, result.curve);
      return ok({ durationSeconds: video.duration_seconds, ...result });
    },
  );

  for (const [path, dimensions] of [
    ['sources', ['sources', 'countries']],
    ['devices', ['devices', 'browsers']],
  ] as const) {
    routes.get(
      `/analytics/videos/:id/${path}`,
      {
        config: { auth: 'required' },
        schema: {
          tags: ['analytics'],
          summary:
            path === 'sources' ? 'Views by traffic source and by country' : 'Views by device class and by browser',
          description: `Owner or admin only.${csvNote}`,
          params: videoIdParams,
          querystring: rangeQuery,
          response: { 200: envelope(z.object({ [dimensions[0]]: breakdownSchema, [dimensions[1]]: breakdownSchema })) },
        },
      },
      async (request, reply) => {
        const video = await ownedVideo(request, request.params.id);
        const all = await analytics.queries.videoBreakdowns(video.id, rangeOrThrow(request.query));
        const picked = { [dimensions[0]]: all[dimensions[0]], [dimensions[1]]: all[dimensions[1]] };
        if (wantsCsv(request)) {
          return sendCsv(
            reply,
            `${path}-${video.id}`,
            dimensions.flatMap((dimension) => all[dimension].map((row) => ({ dimension, ...row }))),
          );
        }
        return ok(picked);
      },
    );
  }

  routes.get(
    '/analytics/channel',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['analytics'],
        summary:
          'Your channel: totals with the change against the previous period, time series, top videos, new vs returning viewers',
        description: `Admins may pass channelId.${csvNote} (the time series)`,
        querystring: channelQuery,
        response: {
          200: envelope(
            z.object({
              totals: totalsSchema,
              previousTotals: totalsSchema,
              change: z.record(z.string(), z.number().nullable()),
              series: z.array(seriesPointSchema),
              topVideos: z.array(
                z.object({
                  videoId: z.string(),
                  title: z.string(),
                  views: z.number(),
                  watchSeconds: z.number(),
                  averageViewSeconds: z.number(),
                }),
              ),
              viewers: z.object({ new: z.number(), returning: z.number() }),
              sources: breakdownSchema,
              devices: breakdownSchema,
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const channelId = request.query.channelId ?? actor.id;
      if (!isPrivileged(actor, channelId)) throw notFound('Channel');
      const result = await analytics.queries.channelOverview(channelId, rangeOrThrow(request.query));
      if (wantsCsv(request)) return sendCsv(reply, 'channel', result.series);
      return ok(result);
    },
  );

  routes.get(
    '/analytics/realtime',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['analytics'],
        summary: 'Your channel right now: concurrent viewers and views per minute over the last 60 minutes',
        description: `Admins may pass channelId.${csvNote} (the minutes)`,
        querystring: z.object({ channelId: z.string().uuid().optional() }),
        response: {
          200: envelope(
            z.object({
              concurrentViewers: z.number(),
              concurrentByVideo: z.array(z.object({ videoId: z.string(), title: z.string(), viewers: z.number() })),
              perMinute: z.array(z.object({ minute: z.string(), views: z.number(), watchSeconds: z.number() })),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const channelId = request.query.channelId ?? actor.id;
      if (!isPrivileged(actor, channelId)) throw notFound('Channel');
      const snapshot = await analytics.realtime.snapshot(channelId);
      if (wantsCsv(request)) return sendCsv(reply, 'realtime', snapshot.perMinute);
      const ids = snapshot.concurrentByVideo.slice(0, 10).map((entry) => entry.videoId);
      const titleOf = await videoReports.titles(platform.database.db, ids);
      return ok({
        ...snapshot,
        concurrentByVideo: snapshot.concurrentByVideo
          .slice(0, 10)
          .map((entry) => ({ ...entry, title: titleOf.get(entry.videoId) ?? '' })),
      });
    },
  );

  routes.get(
    '/admin/analytics',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['analytics', 'admin'],
        summary:
          'Platform analytics: signups, uploads, views, watch hours, storage per user, transcoding minutes, AI spend',
        description: `Admins only.${csvNote} (storage per user)`,
        querystring: rangeQuery.omit({ granularity: true }),
        response: {
          200: envelope(
            z.object({
              signups: z.number(),
              uploads: z.number(),
              views: z.number(),
              watchHours: z.number(),
              transcodingMinutes: z.number(),
              aiSpendUsd: z.number(),
              aiCalls: z.number(),
              storage: z.object({
                totalBytes: z.number().describe('totalSourceBytes + totalProcessedBytes'),
                totalSourceBytes: z.number().describe('the uploaded originals'),
                totalProcessedBytes: z
                  .number()
                  .describe('HLS renditions, poster, storyboard, captions, moderation frames'),
                totalVideos: z.number(),
                unmeasuredVideos: z
                  .number()
                  .describe('ready videos whose processed bytes were never measured (streamhub rebuild storage-usage)'),
                perUser: z.array(
                  z.object({
                    userId: z.string(),
                    username: z.string(),
                    videos: z.number(),
                    sourceBytes: z.number(),
                    processedBytes: z.number(),
                    bytes: z.number().describe('sourceBytes + processedBytes'),
                  }),
                ),
              }),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const stats = await platformStats(platform.database.db, rangeOrThrow({ ...request.query, granularity: 'day' }));
      if (wantsCsv(request)) return sendCsv(reply, 'storage-per-user', stats.storage.perUser, STORAGE_CSV_COLUMNS);
      return ok(stats);
    },
  );
}
