import { useEffect, type RefObject } from 'react';
import type { Video } from '../api/types.ts';

const SEEK_STEP_SECONDS = 10;

/**
 * Tells the operating system what is playing (title, channel, thumbnail) for the lock screen,
 * notification shade and headphone buttons, and lets those play, pause and seek.
 */
export function useMediaSession(element: RefObject<HTMLVideoElement | null>, video: Video): void {
  useEffect(() => {
    const player = element.current;
    if (!player || !('mediaSession' in navigator)) return;
    const session = navigator.mediaSession;
    session.metadata = new MediaMetadata({
      title: video.title,
      artist: video.creator.username,
      album: 'StreamHub',
      artwork: video.thumbnailUrl
        ? [{ src: new URL(video.thumbnailUrl, window.location.href).href, sizes: '640x360', type: 'image/jpeg' }]
        : [],
    });
    const seekTo = (time: number) => {
      player.currentTime = Math.min(Math.max(0, time), Number.isFinite(player.duration) ? player.duration : time);
    };
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      [
        'play',
        () => {
          void player.play();
        },
      ],
      ['pause', () => player.pause()],
      ['seekbackward', (details) => seekTo(player.currentTime - (details.seekOffset ?? SEEK_STEP_SECONDS))],
      ['seekforward', (details) => seekTo(player.currentTime + (details.seekOffset ?? SEEK_STEP_SECONDS))],
      [
        'seekto',
        (details) => {
          if (typeof details.seekTime === 'number') seekTo(details.seekTime);
        },
      ],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // This browser does not know the action (older ones lack seekto): the others still work.
      }
    }
    // The lock screen's progress bar: updated when the position jumps or the speed changes, not every frame.
    const updatePosition = () => {
      if (!Number.isFinite(player.duration) || player.duration <= 0) return;
      session.setPositionState?.({
        duration: player.duration,
        position: Math.min(player.currentTime, player.duration),
        playbackRate: player.playbackRate,
      });
    };
    const updateState = () => {
      session.playbackState = player.paused ? 'paused' : 'playing';
      updatePosition();
    };
    const events = ['play', 'pause', 'seeked', 'ratechange', 'loadedmetadata'];
    events.forEach((name) => player.addEventListener(name, updateState));
    return () => {
      events.forEach((name) => player.removeEventListener(name, updateState));
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action, null);
        } catch {
          /* see above */
        }
      }
      session.metadata = null;
      session.playbackState = 'none';
    };
  }, [element, video.id, video.title, video.creator.username, video.thumbnailUrl]);
}
