import { toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { Executor } from '../../platform/db/transaction.ts';
import type { MediaUrls } from '../videos/media-urls.ts';
import type { VideoRow } from '../videos/repo.ts';
import { pathInVideoFolder } from '../videos/storage-keys.ts';
import { captionKeys } from './captions.ts';
import { insightsRepo, type InsightsRow } from './insights-repo.ts';
import type { StoredSegment, TranscriptRow } from './transcript-repo.ts';

const modelOf = (row: { model_provider: string; model_name: string; model_version: string }) => ({
  provider: row.model_provider as 'local' | 'remote',
  name: row.model_name,
  version: row.model_version,
});

export function presentTranscript(
  video: VideoRow,
  transcript: TranscriptRow,
  segments: StoredSegment[],
  mediaUrls: MediaUrls,
  origin: string,
) {
  const captionsUrl =
    segments.length > 0
      ? mediaUrls.folder(video, origin).url +
        pathInVideoFolder(video.id, captionKeys(video.id, transcript.language).vtt)
      : null;
  return {
    language: transcript.language,
    model: modelOf(transcript),
    editedAt: toIsoOrNull(transcript.edited_at),
    updatedAt: toIso(transcript.updated_at),
    captionsUrl,
    segments,
  };
}

export function presentInsights(row: InsightsRow) {
  return {
    summary: row.summary,
    keyPoints: row.key_points,
    chapters: row.chapters,
    model: modelOf(row),
    editedAt: toIsoOrNull(row.edited_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** For the video response: the summary, key points and chapters, or null before analysis. */
export async function videoInsights(db: Executor, videoId: string) {
  const row = await insightsRepo.find(db, videoId);
  return row ? presentInsights(row) : null;
}
