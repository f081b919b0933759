import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';
import { userIdParams } from '../users/schemas.ts';
import { requestOrigin } from '../videos/request-origin.ts';
import { idempotencyHeaders, markReplayed } from '../../platform/idempotency/idempotency.ts';
import { presentPlaylistWithEntries } from './presenter.ts';
import {
  addVideoBody,
  createPlaylistBody,
  moveVideoBody,
  placementSchema,
  playlistIdParams,
  playlistSchema,
  playlistVideoParams,
  playlistWithEntriesSchema,
  reorderBody,
  toPlaylist,
  updatePlaylistBody,
} from './schemas.ts';
import { watchLaterRoutes } from './watch-later-routes.ts';

const tags = ['playlists'];

/** Playlists: CRUD, a user's list, and adding, removing and ordering videos. Prefix: /api/v1. */
export async function playlistRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { config } = platform;
  const { playlists } = services;
  const videos = services.videoPresenter;

  routes.post(
    '/playlists',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Create a playlist',
        description: 'Send an Idempotency-Key header to make retries safe: the same key returns the same playlist.',
        headers: idempotencyHeaders,
        body: createPlaylistBody,
        response: { 201: envelope(playlistSchema) },
      },
    },
    async (request, reply) => {
      const { playlist, replayed } = await playlists.create(
        requireUser(request),
        request.body,
        request.headers['idempotency-key'],
      );
      markReplayed(reply, replayed);
      reply.status(201);
      return ok(toPlaylist(playlist));
    },
  );

  routes.get(
    '/playlists/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'A playlist and a page of its videos (private ones: owner and admins only)',
        description:
          'Videos the caller may not watch (deleted, private, unfinished) are left out; their positions are skipped.',
        params: playlistIdParams,
        querystring: pageQuery,
        response: { 200: envelope(playlistWithEntriesSchema) },
      },
    },
    async (request) => {
      const result = await playlists.read(request.user, request.params.id, request.query);
      return ok(await presentPlaylistWithEntries(videos, result, requestOrigin(request, config)), {
        nextCursor: result.entries.nextCursor,
      });
    },
  );

  routes.put(
    '/playlists/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Rename, describe or change the visibility of a playlist (owner or admin; not Watch later)',
        params: playlistIdParams,
        body: updatePlaylistBody,
        response: { 200: envelope(playlistSchema) },
      },
    },
    async (request) => ok(toPlaylist(await playlists.update(requireUser(request), request.params.id, request.body))),
  );

  routes.delete(
    '/playlists/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Delete a playlist (owner or admin; not Watch later)',
        params: playlistIdParams,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await playlists.delete(requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/users/:id/playlists',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: "A user's playlists, newest first: public ones, or all of them for the owner (cursor pagination)",
        params: userIdParams,
        querystring: pageQuery,
        response: { 200: envelope(z.array(playlistSchema)) },
      },
    },
    async (request) => {
      const page = await playlists.listForUser(request.user, request.params.id, request.query);
      return ok(page.items.map(toPlaylist), { nextCursor: page.nextCursor });
    },
  );

  routes.post(
    '/playlists/:id/videos',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Add a video at a position (default: last)',
        description:
          '409 ALREADY_IN_PLAYLIST for a duplicate, 409 PLAYLIST_FULL at the size limit, 404 for a video you may not watch.',
        params: playlistIdParams,
        body: addVideoBody,
        response: { 201: envelope(placementSchema) },
      },
    },
    async (request, reply) => {
      const { videoId, position } = request.body;
      const placed = await playlists.items.add(requireUser(request), request.params.id, videoId, position);
      reply.status(201);
      return ok({ playlist: toPlaylist(placed.playlist), videoId, position: placed.position });
    },
  );

  routes.delete(
    '/playlists/:id/videos/:videoId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Remove a video; the ones after it move up',
        params: playlistVideoParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await playlists.items.remove(requireUser(request), request.params.id, request.params.videoId);
      return reply.status(204).send(null);
    },
  );

  routes.put(
    '/playlists/:id/videos/:videoId/position',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Move a video to another position; the ones between shift by one',
        params: playlistVideoParams,
        body: moveVideoBody,
        response: { 200: envelope(placementSchema) },
      },
    },
    async (request) => {
      const { id, videoId } = request.params;
      const placed = await playlists.items.move(requireUser(request), id, videoId, request.body.position);
      return ok({ playlist: toPlaylist(placed.playlist), videoId, position: placed.position });
    },
  );

  routes.put(
    '/playlists/:id/order',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Set the whole order at once',
        description:
          'videoIds must list every video of the playlist exactly once, else 409 ORDER_MISMATCH naming the differences.',
        params: playlistIdParams,
        body: reorderBody(config.playlists.maxItems),
        response: { 200: envelope(playlistSchema) },
      },
    },
    async (request) => {
      return ok(
        toPlaylist(await playlists.items.reorder(requireUser(request), request.params.id, request.body.videoIds)),
      );
    },
  );

  await app.register(watchLaterRoutes, { playlists, videos, config });
}
