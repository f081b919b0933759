import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { VideoPresenter } from '../videos/presenter.ts';
import type { VideoRow } from '../videos/repo.ts';
import { requestOrigin } from '../videos/request-origin.ts';
import type { VideoResponse } from '../videos/schemas.ts';

/** Video responses for the likes and history lists, with live like counts and the caller's likes. */
export function createVideoListPresenter(presenter: VideoPresenter, config: Config) {
  return (videos: VideoRow[], request: FastifyRequest): Promise<VideoResponse[]> =>
    presenter.presentMany(videos, requestOrigin(request, config), request.user?.id);
}
