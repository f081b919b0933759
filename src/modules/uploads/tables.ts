import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type UploadMethod = 'tus' | 'direct';
export type UploadState = 'pending' | 'completing' | 'completed' | 'rejected' | 'aborted' | 'expired';

/** See migrations/0005_uploads.sql for what each column means. */
export interface UploadsTable {
  id: Generated<string>;
  video_id: string;
  user_id: string;
  method: UploadMethod;
  state: ColumnType<UploadState, UploadState | undefined, UploadState>;
  size_bytes: number;
  filename: string | null;
  content_type: string | null;
  store_id: string;
  multipart_upload_id: string | null;
  part_size: number | null;
  failure_reason: string | null;
  lease_until: Date | null;
  expires_at: Timestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UploadTables {
  uploads: UploadsTable;
}
