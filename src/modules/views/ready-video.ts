import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { VideoService } from '../videos/service.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

/** A video the actor may see (404 otherwise) that is ready to play (409 otherwise): what can be liked, viewed or watched. */
export async function getWatchableVideo(
  videos: VideoService,
  actor: AuthenticatedUser | undefined,
  videoId: string,
): Promise<VideoRow> {
  const video = await videos.getVisible(actor, videoId);
  assertPlayable(video);
  return video;
}

/** 409 unless the (visible) video is ready to play. */
export function assertPlayable(video: Pick<VideoRow, 'status'>): void {
  if (video.status !== 'ready')
    throw new AppError(409, ErrorCode.NOT_READY, `The video is not playable yet (status: ${video.status})`);
}
