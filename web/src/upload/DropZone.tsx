import { useRef, useState } from 'react';
import { TOUCH_QUERY, useMediaQuery } from '../hooks/useMediaQuery.ts';

/**
 * Drop a file here or pick one with the file dialog (the whole zone is a keyboard-usable button).
 * On phones the picker offers the camera roll and files; a second button opens the camera to record.
 */
export function DropZone({ onFile }: { onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const touch = useMediaQuery(TOUCH_QUERY);
  const [over, setOver] = useState(false);
  const picked = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        role="button"
        tabIndex={0}
        aria-label={touch ? 'Choose a video from your phone' : 'Choose a video file to upload, or drop it here'}
        onClick={() => input.current?.click()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            input.current?.click();
          }
        }}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          picked(event.dataTransfer.files);
        }}
      >
        <p className="drop-title">{touch ? 'Choose a video' : 'Drag and drop a video file here'}</p>
        <p className="muted">{touch ? 'from your camera roll or files' : 'or click to choose one'}</p>
        <input
          ref={input}
          type="file"
          name="file"
          accept="video/*,audio/*"
          hidden
          onChange={(event) => picked(event.target.files)}
        />
      </div>
      {touch && (
        <p className="record-video">
          <button type="button" className="button" onClick={() => camera.current?.click()}>
            Record a video
          </button>
          {/* `capture` opens the camera app straight away where there is one; elsewhere it is a file picker. */}
          <input
            ref={camera}
            type="file"
            name="recording"
            accept="video/*"
            capture="environment"
            hidden
            onChange={(event) => picked(event.target.files)}
          />
        </p>
      )}
    </>
  );
}
