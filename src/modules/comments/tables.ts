import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** See migrations/0008_comments.sql for what each column means. */
export interface CommentsTable {
  id: Generated<string>;
  video_id: string;
  user_id: string;
  parent_id: string | null;
  reply_to_user_id: string | null;
  text: string;
  is_edited: Generated<boolean>;
  like_count: Generated<number>;
  reply_count: Generated<number>;
  hidden_at: Date | null;
  hidden_by: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CommentLikesTable {
  comment_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface VideoCommentSettingsTable {
  video_id: string;
  comments_enabled: boolean;
  updated_at: Timestamp;
}

export interface CommentTables {
  comments: CommentsTable;
  comment_likes: CommentLikesTable;
  video_comment_settings: VideoCommentSettingsTable;
}
