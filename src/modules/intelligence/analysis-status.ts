import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { VideoRow } from '../videos/repo.ts';
import { analysisStatusRepo, type AnalysisState } from './analysis-status-repo.ts';
import { insightsRepo } from './insights-repo.ts';
import { speechActivityRepo } from './speech-activity-repo.ts';
import { enqueueVideoAnalysis } from './job-queues.ts';
import { transcriptRepo } from './transcript-repo.ts';

export interface AnalysisStatus {
  /** waiting: the video is not ready, or was analysed before statuses were recorded and has no transcript yet. */
  state: AnalysisState | 'waiting';
  failureReason: string | null;
  updatedAt: string | null;
  transcript: { segments: number; editedAt: string | null } | null;
  insights: { chapters: number; editedAt: string | null } | null;
  speech: { detected: boolean; speechSeconds: number; audioSeconds: number; model: string } | null;
}

/** Where a video's AI analysis stands, and the creator's "re-run analysis". */
export class VideoAnalysisStatus {
  constructor(private readonly deps: { db: Kysely<DB>; jobs: JobQueue }) {}

  async status(video: VideoRow): Promise<AnalysisStatus> {
    const db = this.deps.db;
    const [row, transcript, insights, speech] = await Promise.all([
      analysisStatusRepo.find(db, video.id),
      transcriptRepo.find(db, video.id),
      insightsRepo.find(db, video.id),
      speechActivityRepo.find(db, video.id),
    ]);
    const segments = transcript ? (await transcriptRepo.segments(db, video.id)).length : 0;
    // Videos analysed before this table existed have outputs but no row: they are done.
    const state = row?.state ?? (video.status === 'ready' && transcript ? 'done' : 'waiting');
    return {
      state,
      failureReason: row?.state === 'failed' ? row.failure_reason : null,
      updatedAt: row?.updated_at.toISOString() ?? null,
      transcript: transcript ? { segments, editedAt: transcript.edited_at?.toISOString() ?? null } : null,
      insights: insights
        ? { chapters: insights.chapters.length, editedAt: insights.edited_at?.toISOString() ?? null }
        : null,
      speech: speech
        ? {
            detected: speech.speech_seconds > 0,
            speechSeconds: Math.round(speech.speech_seconds * 10) / 10,
            audioSeconds: Math.round(speech.audio_seconds * 10) / 10,
            model: speech.model_name,
          }
        : null,
    };
  }

  /** Queues a forced analysis; the creator's edits are kept (the job never overwrites them). */
  async rerun(video: VideoRow): Promise<AnalysisStatus> {
    if (video.status !== 'ready')
      throw new AppError(409, ErrorCode.VIDEO_NOT_READY, 'The video must be ready before it can be analysed');
    await enqueueVideoAnalysis(this.deps.jobs, video.id, true);
    await analysisStatusRepo.mark(this.deps.db, video.id, 'queued');
    return this.status(video);
  }
}
