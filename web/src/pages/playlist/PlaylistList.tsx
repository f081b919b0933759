import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/api-error.ts';
import type { Playlist } from '../../api/types.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { formatCount } from '../../components/format.ts';
import { createPlaylist, playlistsKey, usePlaylists } from '../../playlists/playlist-api.ts';

/** A user's playlists; their owner can also create one here. */
export function PlaylistList({ ownerId }: { ownerId: string }) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const playlists = usePlaylists(ownerId);
  const create = useMutation<Playlist, ApiError, string>({
    mutationFn: createPlaylist,
    onSuccess: () => {
      setTitle('');
      void queryClient.invalidateQueries({ queryKey: playlistsKey(ownerId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(title);
  };

  return (
    <section>
      {user?.id === ownerId && (
        <form className="inline-form" onSubmit={submit}>
          <label>
            New playlist{' '}
            <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={150} />
          </label>
          <button type="submit" className="button" disabled={create.isPending}>
            Create
          </button>
          {create.error && (
            <span className="field-error" role="alert">
              {create.error.fieldMessage('title') ?? create.error.message}
            </span>
          )}
        </form>
      )}
      {playlists.isPending && <p className="muted">Loading playlists…</p>}
      {playlists.data?.length === 0 && <p className="empty">No playlists yet.</p>}
      <ul className="playlist-list">
        {playlists.data?.map((playlist) => (
          <li key={playlist.id}>
            <Link to={`/playlist/${playlist.id}`}>{playlist.title}</Link>
            <span className="muted">
              {' '}
              · {formatCount(playlist.itemCount, 'video')} · {playlist.visibility}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
