import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type VideoStatus = 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
export type Visibility = 'public' | 'unlisted' | 'private';

export interface VideosTable {
  id: Generated<string>;
  creator_id: string;
  title: string;
  description: Generated<string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  category: string | null;
  visibility: ColumnType<Visibility, Visibility | undefined, Visibility>;
  status: ColumnType<VideoStatus, VideoStatus | undefined, VideoStatus>;
  failure_reason: string | null;
  source_key: string | null;
  source_size_bytes: number | null;
  original_filename: string | null;
  uploaded_at: Date | null;
  duration_seconds: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  video_codec: string | null;
  audio_codec: string | null;
  bitrate: number | null;
  has_audio: boolean | null;
  rotation: number | null;
  master_playlist_key: string | null;
  thumbnail_key: string | null;
  custom_thumbnail_key: string | null;
  storyboard_image_key: string | null;
  storyboard_vtt_key: string | null;
  processing_progress: Generated<number>;
  processed_at: Date | null;
  /** Bytes of the video's derived objects in storage (all but the source); null until measured. */
  processed_bytes: number | null;
  /** When the listing behind `processed_bytes` started (database clock). */
  processed_bytes_listed_at: Date | null;
  view_count: Generated<number>;
  like_count: Generated<number>;
  comment_count: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  deleted_at: Date | null;
}

export interface VideoRenditionsTable {
  video_id: string;
  name: string;
  kind: 'video' | 'audio';
  width: number | null;
  height: number | null;
  bandwidth: number;
  codecs: string;
  playlist_key: string;
}

export interface VideoTables {
  videos: VideosTable;
  video_renditions: VideoRenditionsTable;
}
