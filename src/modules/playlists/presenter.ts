import type { z } from 'zod';
import type { VideoPresenter } from '../videos/presenter.ts';
import { toIso } from '../../platform/http/envelope.ts';
import { toPlaylist, type playlistWithEntriesSchema } from './schemas.ts';
import type { PlaylistWithEntries } from './service.ts';

/** A playlist with its page of entries, each video presented as the videos API shows it. */
export async function presentPlaylistWithEntries(
  videos: VideoPresenter,
  { playlist, entries }: PlaylistWithEntries,
  origin: string,
): Promise<z.infer<typeof playlistWithEntriesSchema>> {
  const presented = await videos.presentMany(entries.items, origin);
  return {
    playlist: toPlaylist(playlist),
    items: entries.items.map((entry, index) => ({
      position: entry.position,
      addedAt: toIso(entry.added_at),
      video: presented[index]!,
    })),
  };
}
