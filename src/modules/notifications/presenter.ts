import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createVideoListPresenter } from '../views/video-list-presenter.ts';
import type { VideoPresenter } from '../videos/presenter.ts';
import type { VideoRow } from '../videos/repo.ts';
import { videoQueries } from '../videos/video-queries.ts';
import type { NotificationRow } from './inbox.ts';
import type { NotificationKindRegistry } from './kinds.ts';
import type { NotificationResponse } from './schemas.ts';

/** Rows as the API shows them: rendered text and link from the kind, and the video's thumbnail when there is one. */
export function createNotificationPresenter(deps: {
  db: Kysely<DB>;
  kinds: NotificationKindRegistry;
  videoPresenter: VideoPresenter;
  config: Config;
}) {
  const presentVideos = createVideoListPresenter(deps.videoPresenter, deps.config);
  return async (rows: NotificationRow[], request: FastifyRequest): Promise<NotificationResponse[]> => {
    const rendered = rows.map((row) => deps.kinds.render(row.kind, row.data, row.item_count));
    const videoIds = [...new Set(rendered.map((item) => item.videoId).filter((id): id is string => !!id))];
    const thumbnails = new Map<string, string | null>();
    if (videoIds.length > 0) {
      // A page shows at most 50 notifications, and their videos repeat: a few primary-key reads.
      const videos = (await Promise.all(videoIds.map((id) => videoQueries.findById(deps.db, id)))).filter(
        (video): video is VideoRow => video?.status === 'ready',
      );
      for (const video of await presentVideos(videos, request)) thumbnails.set(video.id, video.thumbnailUrl);
    }
    return rows.map((row, index) => {
      const { text, link, videoId } = rendered[index]!;
      return {
        id: row.id,
        kind: row.kind,
        text,
        link,
        count: row.item_count,
        thumbnailUrl: (videoId && thumbnails.get(videoId)) || null,
        actor: row.actor_id && row.actor_name ? { id: row.actor_id, username: row.actor_name } : null,
        read: row.read_at !== null,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      };
    });
  };
}
