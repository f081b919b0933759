import type { ColumnType, Generated } from 'kysely';
import type { AnalysisStatusTables } from './analysis-status-repo.ts';
import type { SpeechActivityTables } from './speech-activity-repo.ts';
import type { VideoLanguageTables } from './video-languages.ts';

/** Column typings for migrations/0014_video_intelligence.sql and 0060, which are the source of truth. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface Chapter {
  title: string;
  startSeconds: number;
}

export interface VideoTranscriptsTable {
  video_id: string;
  language: string;
  model_provider: string;
  model_name: string;
  model_version: string;
  edited_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TranscriptSegmentsTable {
  video_id: string;
  position: number;
  start_seconds: number;
  end_seconds: number;
  text: string;
  document: ColumnType<string, never, never>;
}

export interface VideoInsightsTable {
  video_id: string;
  summary: string;
  key_points: string[];
  /** Written as JSON text, read back parsed. */
  chapters: ColumnType<Chapter[], string, string>;
  model_provider: string;
  model_name: string;
  model_version: string;
  transcript_updated_at: NullableTimestamp;
  edited_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface VideoEmbeddingsTable {
  video_id: string;
  model: string;
  model_version: Generated<string>;
  content_hash: string;
  embedding: number[];
  updated_at: Timestamp;
}

export interface SegmentEmbeddingsTable {
  video_id: string;
  position: number;
  model: string;
  model_version: Generated<string>;
  content_hash: string;
  embedding: number[];
  updated_at: Generated<Date>;
}

export interface VideoAnswersTable {
  video_id: string;
  question_hash: string;
  question: string;
  answer: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface IntelligenceTables extends AnalysisStatusTables, SpeechActivityTables, VideoLanguageTables {
  video_transcripts: VideoTranscriptsTable;
  transcript_segments: TranscriptSegmentsTable;
  video_insights: VideoInsightsTable;
  video_embeddings: VideoEmbeddingsTable;
  segment_embeddings: SegmentEmbeddingsTable;
  video_answers: VideoAnswersTable;
}
