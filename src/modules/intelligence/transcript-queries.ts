import type { Executor } from '../../platform/db/transaction.ts';
import { insightsRepo } from './insights-repo.ts';
import { transcriptRepo, type StoredSegment } from './transcript-repo.ts';

/**
 * Public reads of a video's transcript and chapters for other modules (courses build lessons and
 * quizzes from them); the repositories stay internal to intelligence.
 */
export async function transcriptWithChapters(
  db: Executor,
  videoId: string,
): Promise<{ segments: StoredSegment[]; chapters: { title: string; startSeconds: number }[] }> {
  const [segments, insights] = await Promise.all([
    transcriptRepo.segments(db, videoId),
    insightsRepo.find(db, videoId),
  ]);
  return { segments, chapters: insights?.chapters ?? [] };
}
