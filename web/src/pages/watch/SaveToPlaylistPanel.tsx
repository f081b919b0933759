import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  addToPlaylist,
  createPlaylist,
  playlistItemsKey,
  playlistsKey,
  usePlaylists,
} from '../../playlists/playlist-api.ts';

interface Props {
  videoId: string;
  ownerId: string;
}

/** The viewer's own playlists to add the video to, and a form to create one with the video in it. */
export function SaveToPlaylistPanel({ videoId, ownerId }: Props) {
  const queryClient = useQueryClient();
  const playlists = usePlaylists(ownerId);
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const [title, setTitle] = useState('');
  // Counts and the playlist's own page change: both are read again.
  const savedTo = (playlistId: string) => {
    setSaved((ids) => new Set(ids).add(playlistId));
    void queryClient.invalidateQueries({ queryKey: playlistsKey(ownerId) });
    void queryClient.invalidateQueries({ queryKey: playlistItemsKey(playlistId) });
  };
  const add = useMutation({
    mutationFn: async (playlistId: string) => {
      await addToPlaylist(playlistId, videoId);
      return playlistId;
    },
    onSuccess: savedTo,
  });
  const create = useMutation({
    mutationFn: async (newTitle: string) => {
      const playlist = await createPlaylist(newTitle);
      await addToPlaylist(playlist.id, videoId);
      return playlist.id;
    },
    onSuccess: (playlistId) => {
      setTitle('');
      savedTo(playlistId);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(title);
  };
  // Watch later has its own button next to this one.
  const regular = playlists.data?.filter((playlist) => playlist.kind === 'regular');

  return (
    <div className="menu save-panel" role="dialog" aria-label="Save to playlist">
      <p className="menu-header">Save to…</p>
      {playlists.isPending && <p className="muted menu-note">Loading your playlists…</p>}
      {regular?.length === 0 && <p className="muted menu-note">No playlists yet: create one below.</p>}
      {regular?.map((playlist) => {
        const isSaved = saved.has(playlist.id);
        return (
          <button
            key={playlist.id}
            type="button"
            disabled={isSaved || add.isPending}
            onClick={() => add.mutate(playlist.id)}
          >
            {isSaved ? '✓ ' : ''}
            {playlist.title}
            {isSaved ? ' (saved)' : ''}
          </button>
        );
      })}
      <form className="save-panel-form" onSubmit={submit}>
        <label>
          New playlist{' '}
          <input value={title} required maxLength={150} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={create.isPending}>
          Create and save
        </button>
      </form>
      {(add.error ?? create.error) && (
        <p className="field-error menu-note" role="alert">
          {(add.error ?? create.error)?.message}
        </p>
      )}
    </div>
  );
}
