import { useRef, useState } from 'react';

/** Drop a file here or pick one with the file dialog (the whole zone is a keyboard-usable button). */
export function DropZone({ onFile }: { onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'drop-zone over' : 'drop-zone'}
      role="button"
      tabIndex={0}
      aria-label="Choose a video file to upload, or drop it here"
      onClick={() => input.current?.click()}
      onKeyDown={(event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); input.current?.click(); } }}
      onDragOver={(event) => { event.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <p className="drop-title">Drag and drop a video file here</p>
      <p className="muted">or click to choose one</p>
      <input
        ref={input}
        type="file"
        name="file"
        accept="video/*,audio/*"
        hidden
        onChange={(event) => { const file = event.target.files?.[0]; if (file) onFile(file); }}
      />
    </div>
  );
}
