import { useQuery } from '@tanstack/react-query';
import { fetchProgress, progressKey } from '../videos/video-api.ts';

/** Resuming this close to the end would only replay the last frames: start over instead. */
const NEAR_END_SECONDS = 2;

/**
 * Where playback should start: the saved position (signed-in viewers), null for the beginning, or
 * undefined while it is being asked. Position alone decides: a finished video was saved at its end.
 */
export function useResumePoint(
  videoId: string,
  signedIn: boolean,
  durationSeconds: number | null,
): number | null | undefined {
  const saved = useQuery({
    queryKey: progressKey(videoId),
    queryFn: () => fetchProgress(videoId),
    enabled: signedIn,
    // Read once per visit: later saves are this page's own.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  if (!signedIn || saved.isError) return null;
  if (saved.isPending) return undefined;
  const position = saved.data?.positionSeconds ?? 0;
  const limit = (durationSeconds ?? Infinity) - NEAR_END_SECONDS;
  return position > 0 && position < limit ? position : null;
}
