// Playlists: a user's lists, one list's page of videos (Watch later included), and their edits.
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import { api, expectNoContent, unwrap, unwrapEnvelope } from '../api/typed-client.ts';
import type { ApiBody, Playlist, PlaylistItem } from '../api/types.ts';

export const playlistsKey = (ownerId: string) => ['playlists', ownerId] as const;
/** The key of one playlist's pages of items (the playlist page and the library read it). */
export const playlistItemsKey = (playlistId: string) => ['playlist', playlistId] as const;
export const watchLaterKey = ['playlist', 'watch-later'] as const;

export interface PlaylistPage {
  playlist: Playlist;
  items: PlaylistItem[];
  nextCursor: string | null;
}

/** Where a playlist view reads its pages from: a playlist by id, or the viewer's Watch later. */
export interface PlaylistSource {
  key: readonly unknown[];
  fetchPage(cursor: string | undefined): Promise<PlaylistPage>;
}

async function toPlaylistPage(
  call: Promise<{
    data?: { data: { playlist: Playlist; items: PlaylistItem[] }; meta?: Record<string, unknown> };
    error?: unknown;
    response: Response;
  }>,
): Promise<PlaylistPage> {
  const envelope = await unwrapEnvelope(call);
  const nextCursor = envelope.meta?.nextCursor;
  return { ...envelope.data, nextCursor: typeof nextCursor === 'string' ? nextCursor : null };
}

export const playlistSource = (playlistId: string): PlaylistSource => ({
  key: playlistItemsKey(playlistId),
  fetchPage: (cursor) =>
    toPlaylistPage(
      api.GET('/api/v1/playlists/{id}', { params: { path: { id: playlistId }, query: { cursor, limit: 50 } } }),
    ),
});

export const watchLaterSource: PlaylistSource = {
  key: watchLaterKey,
  fetchPage: (cursor) =>
    toPlaylistPage(api.GET('/api/v1/me/watch-later', { params: { query: { cursor, limit: 50 } } })),
};

/** A user's playlists: the public ones, or every one (Watch later included) for their owner. */
export function usePlaylists(ownerId: string, enabled = true) {
  return useQuery({
    queryKey: playlistsKey(ownerId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/users/{id}/playlists', { params: { path: { id: ownerId }, query: { limit: 100 } } })),
    enabled,
  });
}

export const createPlaylist = (title: string) => unwrap(api.POST('/api/v1/playlists', { body: { title } }));

/** Adds a video at the end; a video already in the playlist counts as saved. */
export async function addToPlaylist(playlistId: string, videoId: string): Promise<void> {
  try {
    await unwrap(
      api.POST('/api/v1/playlists/{id}/videos', { params: { path: { id: playlistId } }, body: { videoId } }),
    );
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'ALREADY_IN_PLAYLIST')) throw error;
  }
}

export const moveInPlaylist = (playlistId: string, videoId: string, position: number) =>
  unwrap(
    api.PUT('/api/v1/playlists/{id}/videos/{videoId}/position', {
      params: { path: { id: playlistId, videoId } },
      body: { position },
    }),
  );
export const removeFromPlaylist = (playlistId: string, videoId: string) =>
  expectNoContent(
    api.DELETE('/api/v1/playlists/{id}/videos/{videoId}', { params: { path: { id: playlistId, videoId } } }),
  );
export const saveToWatchLater = (videoId: string) => unwrap(api.POST('/api/v1/me/watch-later', { body: { videoId } }));
export type PlaylistChanges = ApiBody<'/api/v1/playlists/{id}', 'put'>;
export const updatePlaylist = (playlistId: string, body: PlaylistChanges) =>
  unwrap(api.PUT('/api/v1/playlists/{id}', { params: { path: { id: playlistId } }, body }));
export const deletePlaylist = (playlistId: string) =>
  expectNoContent(api.DELETE('/api/v1/playlists/{id}', { params: { path: { id: playlistId } } }));
