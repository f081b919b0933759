import type { VideoRow } from '../videos/repo.ts';

/** When a video entered feeds: the moment processing made it ready (its upload time before that). */
export function publishedAt(video: Pick<VideoRow, 'processed_at' | 'created_at'>): Date {
  return video.processed_at ?? video.created_at;
}
