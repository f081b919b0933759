import type { ColumnType, Generated } from 'kysely';
import type { Visibility } from '../videos/tables.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type PlaylistKind = 'regular' | 'watch_later';

export interface PlaylistsTable {
  id: Generated<string>;
  owner_id: string;
  kind: ColumnType<PlaylistKind, PlaylistKind | undefined, never>;
  title: string;
  description: Generated<string>;
  visibility: ColumnType<Visibility, Visibility | undefined, Visibility>;
  item_count: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlaylistItemsTable {
  playlist_id: string;
  video_id: string;
  position: number;
  added_at: CreatedAt;
}

export interface PlaylistTables {
  playlists: PlaylistsTable;
  playlist_items: PlaylistItemsTable;
}
