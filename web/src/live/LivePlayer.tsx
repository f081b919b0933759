import { useEffect, useRef, useState } from 'react';
import type Hls from 'hls.js';
import { loadHls } from '../player/useHls.ts';
import { LIVE_SYNC_SETTINGS, useLatencyMode } from './latency-mode.ts';

/** Behind the live edge by more than this, the badge turns grey and offers to jump back. */
const AT_EDGE_SECONDS = 8;
const RETRY_MS = 2000;

/**
 * The live player: hls.js on a live playlist (native HLS on Safari), a LIVE badge with the delay
 * behind the live edge and the delay it aims for, a "Low latency" switch (latency-mode.ts), and "Go
 * to live" after the viewer seeks back into the DVR window. In replay
 * mode (a recording) it reports the playback position so the chat can follow it. A premiere passes
 * `startAt`: playback starts that many seconds in, where everyone watching is (the wall clock).
 */
export function LivePlayer({
  source,
  live,
  onTime,
  startAt,
}: {
  source: string;
  live: boolean;
  onTime?: (seconds: number) => void;
  startAt?: number;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const hls = useRef<Hls | null>(null);
  const [delay, setDelay] = useState<number | null>(null);
  const [targetDelay, setTargetDelay] = useState<number | null>(null);
  const [latencyMode, setLatencyMode] = useLatencyMode();
  // Only a live playlist has a live edge to keep close to; a recording or premiere plays as it is.
  const mode = live ? latencyMode : 'standard';
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void loadHls().then(({ default: HlsPlayer }) => {
      if (cancelled) return;
      if (!HlsPlayer.isSupported()) {
        element.src = source;
        if (startAt) element.addEventListener('loadedmetadata', () => (element.currentTime = startAt), { once: true });
        return;
      }
      const player = new HlsPlayer({
        ...LIVE_SYNC_SETTINGS[mode],
        ...(startAt ? { startPosition: startAt } : {}),
      });
      hls.current = player;
      // The first playlist may not be published yet when a stream has just gone live: keep retrying.
      player.on(HlsPlayer.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        setError('The stream could not be played; retrying…');
        if (data.type === HlsPlayer.ErrorTypes.MEDIA_ERROR) player.recoverMediaError();
        else retry = setTimeout(() => player.loadSource(source), RETRY_MS);
      });
      player.loadSource(source);
      player.attachMedia(element);
      player.on(HlsPlayer.Events.MANIFEST_PARSED, () => {
        setError(null);
        void element.play().catch(() => undefined);
      });
    });
    return () => {
      cancelled = true;
      clearTimeout(retry);
      hls.current?.destroy();
      hls.current = null;
    };
    // startAt is read once, when the source is loaded: later renders must not seek. A new latency mode
    // builds a new player (hls.js reads its live settings when created); it starts at the new target.
  }, [source, mode]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const update = () => {
      onTime?.(element.currentTime);
      // hls.js measures the distance to the live edge; native HLS (Safari) has only the seekable end.
      const edge = element.seekable.length ? element.seekable.end(element.seekable.length - 1) : null;
      const latency = hls.current ? hls.current.latency : edge !== null ? edge - element.currentTime : null;
      setDelay(live && latency !== null && Number.isFinite(latency) ? Math.max(0, latency) : null);
      setTargetDelay(live ? (hls.current?.targetLatency ?? null) : null);
    };
    element.addEventListener('timeupdate', update);
    return () => element.removeEventListener('timeupdate', update);
  }, [live, onTime]);

  const goLive = () => {
    const element = video.current;
    const edge = hls.current?.liveSyncPosition;
    if (element && edge) element.currentTime = edge;
    void element?.play();
  };
  const behind = delay !== null && delay > AT_EDGE_SECONDS;

  return (
    <div className="live-player" data-latency-mode={mode}>
      <video ref={video} controls playsInline muted aria-label={live ? 'Live stream' : 'Stream recording'} />
      {live && (
        <div className="live-player-bar">
          <span className={behind ? 'live-badge behind' : 'live-badge'} data-testid="live-badge">
            LIVE
          </span>
          {delay !== null && (
            <span className="live-delay" data-testid="live-delay">
              {delay.toFixed(1)} s behind live
              {targetDelay !== null && ` (aiming for ${targetDelay.toFixed(0)} s)`}
            </span>
          )}
          <label
            className="live-latency-toggle"
            title="Closer to live (about 3 s behind instead of 7 s); may pause on a weak connection"
          >
            <input
              type="checkbox"
              checked={latencyMode === 'low'}
              onChange={(event) => setLatencyMode(event.target.checked ? 'low' : 'standard')}
            />
            Low latency
          </label>
          {behind && (
            <button type="button" className="button" onClick={goLive}>
              Go to live
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="status">
          {error}
        </p>
      )}
    </div>
  );
}
