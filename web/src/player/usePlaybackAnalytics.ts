// Reports what happens in the player to POST /api/v1/analytics/events, batched: every 12 s, and at
// once on pause, end and page exit (sendBeacon, which outlives the page). Failures are ignored:
// analytics must never disturb playback.
import { useEffect, type RefObject } from 'react';
import { referrerClass, type ReferrerClass } from '../analytics/navigation-source.ts';
import { readTokens } from '../auth/token-store.ts';
import { GAP_STEP_SECONDS, isViewerSeek } from './viewer-seek.ts';

const ENDPOINT = '/api/v1/analytics/events';
const BATCH_INTERVAL_MS = 12_000;
const HEARTBEAT_SECONDS = 10;
const MAX_BATCH = 90;
const SESSION_KEY = 'streamhub:analytics-session';

type PlayerEvent = {
  type: string;
  at: number;
  position?: number;
  from?: number;
  secondsPlayed?: number;
  durationMs?: number;
  rendition?: string;
};

function sessionId(): string {
  try {
    let id = sessionStorage.getItem(SESSION_KEY);
    if (!id) {
      id = crypto.randomUUID().replaceAll('-', '');
      sessionStorage.setItem(SESSION_KEY, id);
    }
    return id;
  } catch {
    return crypto.randomUUID().replaceAll('-', '');
  }
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;

/** Sends a batch. Signed in: fetch with keepalive and the token (beacons cannot carry it); anonymous: sendBeacon. */
function send(body: object, urgent: boolean): void {
  const payload = JSON.stringify(body);
  const token = readTokens()?.accessToken;
  if (!token && urgent && typeof navigator.sendBeacon === 'function') {
    if (navigator.sendBeacon(ENDPOINT, new Blob([payload], { type: 'application/json' }))) return;
  }
  void fetch(ENDPOINT, {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: payload,
  }).catch(() => undefined);
}

export function usePlaybackAnalytics(element: RefObject<HTMLVideoElement | null>, videoId: string): void {
  useEffect(() => {
    const video = element.current;
    if (!video) return;
    const session = sessionId();
    const referrer: ReferrerClass = referrerClass();
    let queue: PlayerEvent[] = [];
    let requestedAt: number | null = null; // when play was asked for: startup time runs from here
    let started = false;
    let stalledAt: number | null = null;
    let stretchStart = video.currentTime; // where the current continuous stretch of playing began
    let lastTime = video.currentTime;
    let played = 0; // seconds played (wall clock) since the last report
    let sinceHeartbeat = 0;
    let lastHeight = 0;

    const push = (event: Omit<PlayerEvent, 'at'>) => {
      queue.push({ ...event, at: Date.now() });
      if (queue.length >= MAX_BATCH) flush(false);
    };
    const flush = (urgent: boolean) => {
      if (queue.length === 0) return;
      const events = queue;
      queue = [];
      send({ sessionId: session, videoId, referrer, sentAt: Date.now(), events }, urgent);
    };
    /** Closes the stretch played so far (before a seek, a pause, the end or leaving) as one report. */
    const report = (type: 'heartbeat' | 'pause' | 'ended', position: number) => {
      if (type === 'heartbeat' && played <= 0) return;
      push({
        type,
        from: round(Math.min(stretchStart, position)),
        position: round(position),
        secondsPlayed: round(played),
      });
      played = 0;
      sinceHeartbeat = 0;
      stretchStart = position;
    };

    const onPlay = () => {
      if (!started) requestedAt ??= performance.now();
    };
    const onPlaying = () => {
      if (!started) {
        started = true;
        const startup = requestedAt === null ? undefined : Math.round(performance.now() - requestedAt);
        push({
          type: 'play',
          position: round(video.currentTime),
          ...(startup !== undefined ? { durationMs: Math.min(startup, 600_000) } : {}),
        });
        stretchStart = video.currentTime;
        lastTime = video.currentTime;
      }
      if (stalledAt !== null) {
        push({
          type: 'rebuffer',
          position: round(video.currentTime),
          durationMs: Math.min(600_000, Math.round(performance.now() - stalledAt)),
        });
        stalledAt = null;
      }
    };
    const onTimeUpdate = () => {
      const now = video.currentTime;
      const delta = now - lastTime;
      // Small forward steps are playing; jumps are seeks (reported by onSeeking).
      if (!video.paused && !video.seeking && delta > 0 && delta < GAP_STEP_SECONDS) {
        played += delta / (video.playbackRate || 1);
        sinceHeartbeat += delta;
      }
      lastTime = now;
      if (sinceHeartbeat >= HEARTBEAT_SECONDS) report('heartbeat', now);
    };
    const onSeeking = () => {
      if (!started) return;
      if (!isViewerSeek(video.currentTime - lastTime, video.paused)) {
        lastTime = video.currentTime;
        return;
      }
      report('heartbeat', lastTime);
      push({ type: 'seek', from: round(lastTime), position: round(video.currentTime) });
      stretchStart = video.currentTime;
      lastTime = video.currentTime;
    };
    const onPause = () => {
      if (!started || video.ended) return;
      report('pause', video.currentTime);
      flush(true);
    };
    const onEnded = () => {
      report('ended', video.duration || video.currentTime);
      flush(true);
      started = false; // a replay is a new view
      requestedAt = null;
    };
    const onWaiting = () => {
      if (started && !video.seeking && !video.paused) stalledAt ??= performance.now();
    };
    const onResize = () => {
      if (video.videoHeight && lastHeight && video.videoHeight !== lastHeight && started)
        push({ type: 'quality_change', position: round(video.currentTime), rendition: `${video.videoHeight}p` });
      lastHeight = video.videoHeight;
    };
    const onError = () => push({ type: 'error', position: round(video.currentTime) });
    const onLeave = () => {
      if (started && !video.paused) report('heartbeat', video.currentTime);
      flush(true);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') onLeave();
    };

    const listeners: [string, () => void][] = [
      ['play', onPlay],
      ['playing', onPlaying],
      ['timeupdate', onTimeUpdate],
      ['seeking', onSeeking],
      ['pause', onPause],
      ['ended', onEnded],
      ['waiting', onWaiting],
      ['resize', onResize],
      ['error', onError],
    ];
    for (const [name, listener] of listeners) video.addEventListener(name, listener);
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onHidden);
    const timer = window.setInterval(() => {
      if (started && !video.paused) report('heartbeat', video.currentTime);
      flush(false);
    }, BATCH_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      for (const [name, listener] of listeners) video.removeEventListener(name, listener);
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onHidden);
      onLeave(); // leaving the watch page inside the app
    };
  }, [element, videoId]);
}
