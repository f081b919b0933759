import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.ts';
import { request } from '../../api/client.ts';
import type { Playlist } from '../../api/types.ts';

export function playlistsKey(ownerId: string) {
  return ['playlists', ownerId];
}

/** The key of one playlist's page of items (the playlist page and the library read it by its path). */
export function playlistItemsKey(playlistId: string) {
  return ['playlist', `/api/v1/playlists/${playlistId}`];
}

/** A user's playlists: the public ones, or every one (Watch later included) for their owner. */
export function usePlaylists(ownerId: string, enabled = true) {
  return useQuery({
    queryKey: playlistsKey(ownerId),
    queryFn: () => request<Playlist[]>(`/api/v1/users/${ownerId}/playlists`, { query: { limit: 100 } }),
    enabled,
  });
}

export function createPlaylist(title: string): Promise<Playlist> {
  return request<Playlist>('/api/v1/playlists', { method: 'POST', body: { title } });
}

/** Adds a video at the end; a video already in the playlist counts as saved. */
export async function addToPlaylist(playlistId: string, videoId: string): Promise<void> {
  try {
    await request(`/api/v1/playlists/${playlistId}/videos`, { method: 'POST', body: { videoId } });
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'ALREADY_IN_PLAYLIST')) throw error;
  }
}
