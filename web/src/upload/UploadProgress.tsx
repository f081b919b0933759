import type { UploadPhase } from './useTusUpload.ts';

interface Props {
  phase: UploadPhase;
  progress: { sent: number; total: number };
  error: string | null;
  pause: () => void;
  resume: () => void;
}

const LABELS: Record<UploadPhase, string> = {
  idle: 'Waiting',
  uploading: 'Uploading',
  paused: 'Paused',
  waiting: 'Waiting for the network',
  done: 'Upload complete',
  failed: 'Upload failed',
};

export function UploadProgress({ phase, progress, error, pause, resume }: Props) {
  const percent = progress.total ? Math.floor((progress.sent / progress.total) * 100) : 0;
  return (
    <div className="upload-progress">
      <p className="progress-label">
        <span className="upload-phase">{LABELS[phase]}</span> · {percent}%
      </p>
      <progress max={100} value={percent} aria-label="Upload progress">
        {percent}%
      </progress>
      {phase === 'uploading' && (
        <button type="button" className="button" onClick={pause}>
          Pause
        </button>
      )}
      {phase === 'paused' && (
        <button type="button" className="button primary" onClick={resume}>
          Resume
        </button>
      )}
      {phase === 'waiting' && (
        <button type="button" className="button" onClick={resume}>
          Try now
        </button>
      )}
      {error && phase === 'waiting' && (
        <p className="muted upload-waiting" role="status">
          {error}
        </p>
      )}
      {error && phase !== 'waiting' && (
        <p className="form-error upload-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
