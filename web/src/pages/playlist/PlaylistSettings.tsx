import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Playlist, Visibility } from '../../api/types.ts';
import { FormField, FormTextArea } from '../../components/FormField.tsx';
import { VisibilityOptions } from '../../components/VisibilityOptions.tsx';
import { useApiForm } from '../../hooks/useApiForm.ts';
import { deletePlaylist, playlistItemsKey, playlistsKey, updatePlaylist } from '../../playlists/playlist-api.ts';
import { FormError } from '../../components/FormError.tsx';

/** The API's limit on a playlist's description (playlists/schemas.ts). */
const DESCRIPTION_MAX = 5000;

/** Its owner's controls for a playlist: edit the title, description and visibility, or delete it. */
export function PlaylistSettings({ playlist }: { playlist: Playlist }) {
  const [open, setOpen] = useState<'closed' | 'edit' | 'delete'>('closed');
  if (open === 'edit') return <PlaylistDetailsForm playlist={playlist} onClose={() => setOpen('closed')} />;
  if (open === 'delete') return <DeletePlaylistConfirm playlist={playlist} onClose={() => setOpen('closed')} />;
  return (
    <div className="playlist-actions">
      <button type="button" className="button" onClick={() => setOpen('edit')}>
        Edit details
      </button>
      <button type="button" className="button" onClick={() => setOpen('delete')}>
        Delete playlist
      </button>
    </div>
  );
}

function PlaylistDetailsForm({ playlist, onClose }: { playlist: Playlist; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(playlist.title);
  const [description, setDescription] = useState(playlist.description);
  const [visibility, setVisibility] = useState<Visibility>(playlist.visibility);
  const form = useApiForm(async () => {
    await updatePlaylist(playlist.id, { title, description, visibility });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: playlistItemsKey(playlist.id) }),
      queryClient.invalidateQueries({ queryKey: playlistsKey(playlist.ownerId) }),
    ]);
    onClose();
  });
  return (
    <form className="playlist-details-form" aria-label="Playlist details" onSubmit={form.onSubmit} noValidate>
      <FormError message={form.formError} />
      <FormField
        label="Title"
        name="title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={form.fieldError('title')}
      />
      <FormTextArea
        label="Description"
        name="description"
        rows={3}
        maxLength={DESCRIPTION_MAX}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={form.fieldError('description')}
      />
      <div className="form-row">
        <label>
          Visibility
          <select
            name="visibility"
            value={visibility}
            onChange={(event) => setVisibility(event.target.value as Visibility)}
          >
            <VisibilityOptions />
          </select>
        </label>
      </div>
      <div className="playlist-actions">
        <button type="submit" className="button primary" disabled={form.pending}>
          {form.pending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Asks once more in place; the videos themselves stay, only the list goes. */
function DeletePlaylistConfirm({ playlist, onClose }: { playlist: Playlist; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const remove = async () => {
    setPending(true);
    try {
      await deletePlaylist(playlist.id);
      queryClient.removeQueries({ queryKey: playlistItemsKey(playlist.id) });
      await queryClient.invalidateQueries({ queryKey: playlistsKey(playlist.ownerId) });
      navigate(`/channel/${playlist.ownerId}/playlists`, { replace: true });
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  };
  return (
    <div className="playlist-actions" role="group" aria-label="Delete playlist">
      <span>Delete “{playlist.title}”? The videos in it stay on StreamHub.</span>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="button" className="button danger" disabled={pending} onClick={() => void remove()}>
        Delete
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
