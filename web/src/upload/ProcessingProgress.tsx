import { Link } from 'react-router-dom';
import { useProcessingEvents } from './useProcessingEvents.ts';

/** Live processing progress after the upload, ending with a link to the watch page or the reason it failed. */
export function ProcessingProgress({ videoId }: { videoId: string }) {
  const state = useProcessingEvents(videoId);
  if (state.status === 'ready') {
    return (
      <div className="processing ready" role="status">
        <p>Your video is ready.</p>
        <Link className="button primary" to={`/watch/${videoId}`}>
          Watch it
        </Link>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <p className="form-error processing-error" role="alert">
        Processing failed: {state.reason}
      </p>
    );
  }
  return (
    <div className="processing">
      <p className="progress-label">
        Processing · <span className="processing-percent">{state.percent}%</span>
      </p>
      <progress max={100} value={state.percent} aria-label="Processing progress">
        {state.percent}%
      </progress>
    </div>
  );
}
