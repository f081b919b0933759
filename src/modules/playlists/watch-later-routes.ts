import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';
import type { VideoPresenter } from '../videos/presenter.ts';
import { requestOrigin } from '../videos/request-origin.ts';
import { presentPlaylistWithEntries } from './presenter.ts';
import { placementSchema, playlistWithEntriesSchema, toPlaylist, videoIdParams, watchLaterAddBody } from './schemas.ts';
import type { PlaylistService } from './service.ts';

const tags = ['playlists'];

interface WatchLaterRouteOptions {
  playlists: PlaylistService;
  videos: VideoPresenter;
  config: Config;
}

/**
 * The built-in Watch later under /me: a private playlist every user has, created on first use. Its
 * id also works with the /playlists/{id}/videos routes (move, order); it cannot be renamed or deleted.
 */
export async function watchLaterRoutes(app: FastifyInstance, { playlists, videos, config }: WatchLaterRouteOptions) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/me/watch-later',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Your Watch later playlist and a page of its videos',
        querystring: pageQuery,
        response: { 200: envelope(playlistWithEntriesSchema) },
      },
    },
    async (request) => {
      const result = await playlists.readWatchLater(requireUser(request), request.query);
      return ok(await presentPlaylistWithEntries(videos, result, requestOrigin(request, config)), {
        nextCursor: result.entries.nextCursor,
      });
    },
  );

  routes.post(
    '/me/watch-later',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Add a video to the end of Watch later',
        description: '409 ALREADY_IN_PLAYLIST when it is there already.',
        body: watchLaterAddBody,
        response: { 201: envelope(placementSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const watchLater = await playlists.watchLater(actor);
      const placed = await playlists.items.add(actor, watchLater.id, request.body.videoId);
      reply.status(201);
      return ok({ playlist: toPlaylist(placed.playlist), videoId: request.body.videoId, position: placed.position });
    },
  );

  routes.delete(
    '/me/watch-later/:videoId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Remove a video from Watch later',
        params: videoIdParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const watchLater = await playlists.watchLater(actor);
      await playlists.items.remove(actor, watchLater.id, request.params.videoId);
      return reply.status(204).send(null);
    },
  );
}
