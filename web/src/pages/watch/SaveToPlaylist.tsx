import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../../hooks/useDismiss.ts';
import { SaveToPlaylistPanel } from './SaveToPlaylistPanel.tsx';

/** The watch page's "Save" button: opens the viewer's playlists in a panel under it. */
export function SaveToPlaylist({ videoId, ownerId }: { videoId: string; ownerId: string }) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  useDismiss(container, open, useCallback(() => setOpen(false), []));
  return (
    <div className="save-to-playlist" ref={container}>
      <button type="button" className="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen((shown) => !shown)}>
        Save to playlist
      </button>
      {open && <SaveToPlaylistPanel videoId={videoId} ownerId={ownerId} />}
    </div>
  );
}
