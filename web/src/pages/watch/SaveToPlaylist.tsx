import { useCallback, useRef, useState } from 'react';
import { Sheet } from '../../components/Sheet.tsx';
import { PHONE_QUERY, useMediaQuery } from '../../hooks/useMediaQuery.ts';
import { useDismiss } from '../../hooks/useDismiss.ts';
import { SaveToPlaylistPanel } from './SaveToPlaylistPanel.tsx';

/** The watch page's "Save" button: opens the viewer's playlists in a panel under it (a bottom sheet on phones). */
export function SaveToPlaylist({ videoId, ownerId }: { videoId: string; ownerId: string }) {
  const [open, setOpen] = useState(false);
  const phone = useMediaQuery(PHONE_QUERY);
  const container = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  // The sheet lives outside this container and closes itself; the drop-down panel closes on a click outside.
  useDismiss(container, open && !phone, close);
  return (
    <div className="save-to-playlist" ref={container}>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
      >
        Save to playlist
      </button>
      {open && !phone && <SaveToPlaylistPanel videoId={videoId} ownerId={ownerId} />}
      {open && phone && (
        <Sheet title="Save to playlist" onClose={close}>
          <SaveToPlaylistPanel videoId={videoId} ownerId={ownerId} />
        </Sheet>
      )}
    </div>
  );
}
