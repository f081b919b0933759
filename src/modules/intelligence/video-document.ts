import type { VideoRow } from '../videos/repo.ts';

/** What a video's own embedding is made of: its metadata and, once there is one, its summary. */
export function videoDocument(
  video: Pick<VideoRow, 'title' | 'description' | 'tags'>,
  summary: string | undefined,
): string {
  return [video.title, video.tags.join(', '), video.description, summary ?? ''].filter(Boolean).join('\n');
}
