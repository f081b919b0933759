import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok, toIso } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { chatRepo, type ChatModeratorRow } from './chat/chat-repo.ts';
import { rtmpIngestUrl } from './module.ts';
import { presentLiveStream } from './presenter.ts';
import {
  appointModeratorBody,
  channelModeratorParams,
  chatMessageSchema,
  chatModeratorSchema,
  chatSettingsBody,
  idParams,
  ingestInfoSchema,
  issuedStreamKeySchema,
  liveStreamSchema,
  moderatorBody,
  premiereBody,
  replayQuery,
  scheduleBody,
  streamKeySchema,
  videoIdParams,
} from './schemas.ts';

const tags = ['live'];

/** Stream keys, live streams and premieres, chat settings and chat replay (the chat itself is chat-socket.ts). */
export async function liveRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { keys, liveStreams, hub, moderators } = services.live;
  const db = platform.database.db;
  const present = (stream: Parameters<typeof presentLiveStream>[1]) => presentLiveStream({ db, hub }, stream);
  const rtmpUrl = () => rtmpIngestUrl(platform.config);
  const presentModerator = (moderator: ChatModeratorRow) => ({
    userId: moderator.userId,
    username: moderator.username,
    appointedAt: toIso(moderator.appointedAt),
  });
  const presentKey = (key: { id: string; prefix: string; createdAt: Date }) => ({
    id: key.id,
    prefix: key.prefix,
    createdAt: toIso(key.createdAt),
  });

  routes.get(
    '/live/ingest',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Where to point an encoder (OBS) and the ingest limits',
        response: { 200: envelope(ingestInfoSchema) },
      },
    },
    async () => {
      const live = platform.config.live;
      return ok({
        rtmpUrl: rtmpUrl(),
        segmentSeconds: live.segmentSeconds,
        dvrWindowSeconds: live.dvrWindowSeconds,
        maxDurationSeconds: live.maxDurationSeconds,
        reconnectGraceSeconds: live.reconnectGraceSeconds,
      });
    },
  );

  routes.get(
    '/live/keys',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Your active stream keys (prefixes only)',
        response: { 200: envelope(z.array(streamKeySchema)) },
      },
    },
    async (request) => ok((await keys.list(requireUser(request))).map(presentKey)),
  );

  routes.post(
    '/live/keys',
    {
      config: { auth: 'required' },
      schema: { tags, summary: 'Create a stream key (shown once)', response: { 201: envelope(issuedStreamKeySchema) } },
    },
    async (request, reply) => {
      const issued = await keys.create(requireUser(request));
      return reply.status(201).send(ok({ ...presentKey(issued), key: issued.key, rtmpUrl: rtmpUrl() }));
    },
  );

  routes.post(
    '/live/keys/:id/rotate',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Revoke a stream key and issue its replacement (shown once)',
        params: idParams,
        response: { 201: envelope(issuedStreamKeySchema) },
      },
    },
    async (request, reply) => {
      const issued = await keys.rotate(requireUser(request), request.params.id);
      return reply.status(201).send(ok({ ...presentKey(issued), key: issued.key, rtmpUrl: rtmpUrl() }));
    },
  );

  routes.delete(
    '/live/keys/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Revoke a stream key',
        params: idParams,
        response: { 204: z.null().describe('revoked') },
      },
    },
    async (request, reply) => {
      await keys.revoke(requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/live/streams',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Schedule a live stream (it goes live when your encoder connects)',
        body: scheduleBody,
        response: { 201: envelope(liveStreamSchema) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(ok(await present(await liveStreams.schedule(requireUser(request), request.body)))),
  );

  routes.post(
    '/live/premieres',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Schedule a premiere: a ready video played as if live at a set time, with chat',
        body: premiereBody,
        response: { 201: envelope(liveStreamSchema) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(ok(await present(await liveStreams.schedulePremiere(requireUser(request), request.body)))),
  );

  routes.get(
    '/live/streams',
    {
      config: { auth: 'optional' },
      schema: { tags, summary: 'Live now and coming up', response: { 200: envelope(z.array(liveStreamSchema)) } },
    },
    async () => ok(await Promise.all((await liveStreams.listActive()).map(present))),
  );

  routes.get(
    '/live/streams/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'A live stream or premiere',
        params: idParams,
        response: { 200: envelope(liveStreamSchema) },
      },
    },
    async (request) => ok(await present(await liveStreams.get(request.params.id))),
  );

  routes.get(
    '/live/channels/:id/streams',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: "A channel's streams and premieres, newest first",
        params: idParams,
        response: { 200: envelope(z.array(liveStreamSchema)) },
      },
    },
    async (request) => ok(await Promise.all((await liveStreams.listByChannel(request.params.id)).map(present))),
  );

  routes.get(
    '/live/by-video/:videoId',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'The live stream (or premiere) a video recorded, for chat replay; null for a video no stream recorded',
        params: videoIdParams,
        response: { 200: envelope(liveStreamSchema.nullable()) },
      },
    },
    // Every watch page asks, and most videos are plain uploads: "none" is an answer, not a missing resource.
    async (request) => {
      const stream = await liveStreams.findByVideo(request.params.videoId);
      return ok(stream ? await present(stream) : null);
    },
  );

  routes.patch(
    '/live/streams/:id/chat',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Chat settings: slow mode and subscribers-only',
        params: idParams,
        body: chatSettingsBody,
        response: { 200: envelope(liveStreamSchema) },
      },
    },
    async (request) => {
      const stream = await liveStreams.updateChatSettings(requireUser(request), request.params.id, request.body);
      await hub.publish(stream.id, {
        type: 'settings',
        slowModeSeconds: stream.slow_mode_seconds,
        subscribersOnly: stream.subscribers_only,
      });
      return ok(await present(stream));
    },
  );

  routes.post(
    '/live/streams/:id/moderators',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Appoint a chat moderator for all of the channel's chats",
        params: idParams,
        body: moderatorBody,
        response: { 204: z.null().describe('appointed') },
      },
    },
    async (request, reply) => {
      const stream = await liveStreams.get(request.params.id);
      await moderators.appoint(requireUser(request), stream.channel_id, request.body.userId);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/live/channels/:id/moderators',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "The channel's chat moderators (its creator or an admin)",
        params: idParams,
        response: { 200: envelope(z.array(chatModeratorSchema)) },
      },
    },
    async (request) => ok((await moderators.list(requireUser(request), request.params.id)).map(presentModerator)),
  );

  routes.post(
    '/live/channels/:id/moderators',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Appoint a chat moderator of all of the channel's chats, by username",
        params: idParams,
        body: appointModeratorBody,
        response: { 201: envelope(chatModeratorSchema) },
      },
    },
    async (request, reply) => {
      const moderator = await moderators.appointByUsername(
        requireUser(request),
        request.params.id,
        request.body.username,
      );
      return reply.status(201).send(ok(presentModerator(moderator)));
    },
  );

  routes.delete(
    '/live/channels/:id/moderators/:userId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Remove a chat moderator: their next delete, time-out or ban is refused on every instance',
        params: channelModeratorParams,
        response: { 204: z.null().describe('removed') },
      },
    },
    async (request, reply) => {
      await moderators.remove(requireUser(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/live/streams/:id/chat/replay',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'Chat messages by stream offset, to replay beside the recording',
        params: idParams,
        querystring: replayQuery,
        response: { 200: envelope(z.array(chatMessageSchema)) },
      },
    },
    async (request) => {
      const stream = await liveStreams.get(request.params.id);
      const { fromMs, toMs, limit } = request.query;
      return ok(await chatRepo.replay(db, stream.id, fromMs, toMs ?? Number.MAX_SAFE_INTEGER, limit));
    },
  );
}
