import { useEffect, useRef, type RefObject } from 'react';
import { recordView, saveProgress } from '../videos/video-api.ts';

const SAVE_EVERY_MS = 10_000;
/** A jump of more than this between two timeupdates is a seek, not time watched. */
const MAX_PLAYED_STEP_SECONDS = 1.5;

/**
 * Reports progress while watching (every 10 s, on pause, at the end and when leaving), plus one view
 * once playback really starts. Guests only send the view.
 */
export function useWatchProgress(video: RefObject<HTMLVideoElement | null>, videoId: string, signedIn: boolean) {
  const watched = useRef(0);
  const lastTime = useRef(0);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let viewSent = false;
    watched.current = 0;
    lastTime.current = 0;

    const save = (completed?: boolean) => {
      if (!signedIn || !Number.isFinite(element.duration)) return;
      const watchedSeconds = Math.min(watched.current, element.duration + 1);
      watched.current = 0;
      void saveProgress(videoId, {
        positionSeconds: Math.min(element.currentTime, element.duration),
        watchedSeconds,
        ...(completed === undefined ? {} : { completed }),
      }).catch(() => undefined);
    };

    const onTimeUpdate = () => {
      const step = element.currentTime - lastTime.current;
      if (!element.paused && step > 0 && step < MAX_PLAYED_STEP_SECONDS) watched.current += step;
      lastTime.current = element.currentTime;
    };
    const onPlaying = () => {
      if (viewSent) return;
      viewSent = true;
      void recordView(videoId).catch(() => undefined);
    };
    const onPause = () => {
      if (!element.ended) save();
    };
    const onEnded = () => save(true);
    const onLeave = () => save();

    element.addEventListener('timeupdate', onTimeUpdate);
    element.addEventListener('playing', onPlaying);
    element.addEventListener('pause', onPause);
    element.addEventListener('ended', onEnded);
    window.addEventListener('pagehide', onLeave);
    const timer = setInterval(() => {
      if (!element.paused) save();
    }, SAVE_EVERY_MS);

    return () => {
      clearInterval(timer);
      save();
      element.removeEventListener('timeupdate', onTimeUpdate);
      element.removeEventListener('playing', onPlaying);
      element.removeEventListener('pause', onPause);
      element.removeEventListener('ended', onEnded);
      window.removeEventListener('pagehide', onLeave);
    };
  }, [video, videoId, signedIn]);
}
