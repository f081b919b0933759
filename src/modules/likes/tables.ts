import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface LikesTable {
  user_id: string;
  video_id: string;
  created_at: CreatedAt;
}

export interface LikeTables {
  likes: LikesTable;
}
