import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { LikeService } from '../likes/service.ts';
import { createMediaUrls } from '../videos/media-urls.ts';
import { VideoPresenter } from '../videos/presenter.ts';
import type { VideoRow } from '../videos/repo.ts';
import { requestOrigin } from '../videos/request-origin.ts';
import type { VideoResponse } from '../videos/schemas.ts';

/**
 * Video responses for the likes and history lists: the videos module's presenter, with the like
 * count made live (stored + not yet flushed) so a like just given shows up at once.
 */
export function createVideoListPresenter(platform: Platform) {
  const presenter = new VideoPresenter(platform.database.db, createMediaUrls(platform.jwtSecret, platform.config.mediaUrlTtlSeconds));
  const likes = new LikeService(platform);
  return async (videos: VideoRow[], request: FastifyRequest): Promise<VideoResponse[]> => {
    const [presented, counts] = await Promise.all([
      presenter.presentMany(videos, requestOrigin(request, platform.config)),
      likes.displayCounts(videos),
    ]);
    return presented.map((video) => ({ ...video, likes: counts.get(video.id) ?? video.likes }));
  };
}
