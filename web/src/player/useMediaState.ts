import { useEffect, useState, type RefObject } from 'react';

export interface MediaState {
  paused: boolean;
  currentTime: number;
  duration: number;
  buffered: number;
  muted: boolean;
  volume: number;
  playbackRate: number;
  mediaError: string | null;
}

const INITIAL: MediaState = {
  paused: true,
  currentTime: 0,
  duration: 0,
  buffered: 0,
  muted: false,
  volume: 1,
  playbackRate: 1,
  mediaError: null,
};
const EVENTS = [
  'play',
  'pause',
  'timeupdate',
  'durationchange',
  'progress',
  'volumechange',
  'ratechange',
  'seeking',
  'error',
  'loadedmetadata',
];

/** The <video>'s state as React state, refreshed from its media events. */
export function useMediaState(video: RefObject<HTMLVideoElement | null>): MediaState {
  const [state, setState] = useState(INITIAL);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const read = () =>
      setState({
        paused: element.paused,
        currentTime: element.currentTime,
        duration: Number.isFinite(element.duration) ? element.duration : 0,
        buffered: element.buffered.length ? element.buffered.end(element.buffered.length - 1) : 0,
        muted: element.muted,
        volume: element.volume,
        playbackRate: element.playbackRate,
        mediaError: element.error ? element.error.message || `Media error ${element.error.code}` : null,
      });
    EVENTS.forEach((name) => element.addEventListener(name, read));
    return () => EVENTS.forEach((name) => element.removeEventListener(name, read));
  }, [video]);
  return state;
}
