import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Platform } from '../../platform/platform.ts';
import { createVideoListPresenter } from '../views/video-list-presenter.ts';
import type { NotificationRow } from './inbox.ts';
import type { NotificationKindRegistry } from './kinds.ts';
import type { NotificationResponse } from './schemas.ts';

/** Rows as the API shows them: rendered text and link from the kind, and the video's thumbnail when there is one. */
export function createNotificationPresenter(platform: Platform, kinds: NotificationKindRegistry) {
  const db: Kysely<DB> = platform.database.db;
  const presentVideos = createVideoListPresenter(platform);
  return async (rows: NotificationRow[], request: FastifyRequest): Promise<NotificationResponse[]> => {
    const rendered = rows.map((row) => kinds.render(row.kind, row.data, row.item_count));
    const videoIds = [...new Set(rendered.map((item) => item.videoId).filter((id): id is string => !!id))];
    const thumbnails = new Map<string, string | null>();
    if (videoIds.length > 0) {
      const videos = await db.selectFrom('videos').selectAll().where('id', 'in', videoIds).where('status', '=', 'ready').execute();
      const presented = await presentVideos(videos, request);
      for (const video of presented) thumbnails.set(video.id, video.thumbnailUrl);
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
