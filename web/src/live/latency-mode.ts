import { useCallback, useState } from 'react';
import type { HlsConfig } from 'hls.js';

/** How far behind the live edge the live player plays. */
export type LatencyMode = 'standard' | 'low';

const STORAGE_KEY = 'streamhub.liveLatency';

/**
 * hls.js's live settings per mode, in target durations (segments, 2 s by default) behind the newest one.
 *
 * The default is the standard mode, 3 segments behind (about 7 s glass to glass, docs/LIVE.md): it
 * keeps 3 segments of buffer, so a segment that arrives late on a weak or busy connection is absorbed
 * without a stall. Low latency keeps 1 segment behind (about 3.3 s) and, when it falls behind, catches
 * up by playing up to 1.5× fast instead of waiting; with one segment of buffer a late segment stalls
 * playback, so it is a choice for viewers on a good connection who want to talk in the chat in time.
 */
export const LIVE_SYNC_SETTINGS: Record<LatencyMode, Partial<HlsConfig>> = {
  standard: { liveSyncDurationCount: 3, lowLatencyMode: false },
  low: {
    liveSyncDurationCount: 1,
    // Further behind than this (after a stall), the player jumps forward to the target.
    liveMaxLatencyDurationCount: 3,
    maxLiveSyncPlaybackRate: 1.5,
    // hls.js's own low-latency mode needs partial segments (LL-HLS), which the packager does not produce.
    lowLatencyMode: false,
  },
};

function rememberedLatencyMode(): LatencyMode {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'low' ? 'low' : 'standard';
  } catch {
    return 'standard';
  }
}

/** The viewer's latency mode, remembered in this browser for every live stream. */
export function useLatencyMode(): [LatencyMode, (mode: LatencyMode) => void] {
  const [mode, setMode] = useState<LatencyMode>(rememberedLatencyMode);
  const choose = useCallback((next: LatencyMode) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setMode(next);
  }, []);
  return [mode, choose];
}
