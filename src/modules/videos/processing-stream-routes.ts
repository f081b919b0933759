import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { BEARER_SECURITY } from '../../platform/http/route-auth.ts';
import { eventStreamQuery, eventStreamUser, openEventStream } from '../../platform/http/event-stream.ts';
import { subscribeToProcessing, type ProcessingEvent } from './processing-events.ts';
import { videoRepo, type VideoRow } from './repo.ts';
import { videoIdParams } from './schemas.ts';

const HEARTBEAT_MS = 15_000;

/** The durable state as the event a client connecting now should see first. */
function currentState(video: VideoRow | undefined): ProcessingEvent {
  if (!video || video.status === 'deleted') return { type: 'failed', reason: 'The video was deleted' };
  if (video.status === 'ready') return { type: 'ready' };
  if (video.status === 'failed') return { type: 'failed', reason: video.failure_reason ?? 'Processing failed' };
  return {
    type: 'progress',
    status: video.status,
    percent: video.status === 'processing' ? video.processing_progress : 0,
  };
}

function eventData(event: ProcessingEvent): object {
  if (event.type === 'progress') return { status: event.status, percent: event.percent };
  if (event.type === 'ready') return { status: 'ready', percent: 100 };
  return { status: 'failed', reason: event.reason };
}

/**
 * Streams one video's processing to its uploader as Server-Sent Events: the current state at once,
 * then progress as workers (in this or any other process) publish it, then `ready` or `failed`,
 * after which the stream closes. Pub/sub is fire-and-forget, so each heartbeat also re-reads the
 * video: a terminal state published while Redis was unreachable still reaches the client.
 */
function streamProcessing(platform: Platform, request: FastifyRequest, reply: FastifyReply, videoId: string): void {
  const {
    database: { db },
    pubsub,
  } = platform;
  const raw = openEventStream(request, reply);

  let closed = false;
  let lastPercent = -1;
  let unsubscribe: (() => Promise<void>) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    void unsubscribe?.();
    raw.end();
  };
  const deliver = (event: ProcessingEvent) => {
    if (closed) return;
    // A live event can overtake the snapshot read at connect: never show progress going backwards.
    if (event.type === 'progress') {
      if (event.percent < lastPercent) return;
      lastPercent = event.percent;
    }
    raw.write(`event: ${event.type}\ndata: ${JSON.stringify(eventData(event))}\n\n`);
    if (event.type !== 'progress') finish();
  };
  const recheck = async () => deliver(currentState(await videoRepo.findById(db, videoId)));

  request.raw.on('close', finish);
  void (async () => {
    // Subscribe before reading the state, so nothing published in between is missed.
    unsubscribe = await subscribeToProcessing(pubsub, videoId, deliver);
    if (closed) return void unsubscribe();
    await recheck();
    heartbeat = setInterval(() => {
      raw.write(': heartbeat\n\n');
      recheck().catch((error: unknown) => request.log.warn({ err: error }, 'processing stream re-check failed'));
    }, HEARTBEAT_MS);
  })().catch((error: unknown) => {
    request.log.error({ err: error, videoId }, 'processing stream failed');
    finish();
  });
}

export async function processingStreamRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const { videos, accessTokens: signer } = services;

  app.withTypeProvider<ZodTypeProvider>().get(
    '/videos/:id/processing/events',
    {
      schema: {
        tags: ['videos'],
        summary: 'Processing progress as Server-Sent Events (owner or admin)',
        description:
          'Events: `progress` {status, percent}, then `ready` or `failed` {reason}, after which the stream ends. ' +
          'Comments (`: heartbeat`) keep the connection alive. Authenticate with the Authorization header or `?access_token=`.',
        // Not `config.auth`: an EventSource cannot send headers, so the handler also accepts ?access_token=.
        security: BEARER_SECURITY,
        params: videoIdParams,
        querystring: eventStreamQuery,
        response: { 200: z.string().describe('text/event-stream') },
      },
    },
    async (request, reply) => {
      const actor = await eventStreamUser(request, signer, request.query.access_token);
      await videos.getOwned(actor, request.params.id);
      streamProcessing(platform, request, reply, request.params.id);
      return reply;
    },
  );
}
