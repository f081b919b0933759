import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type LiveStreamStatus = 'scheduled' | 'live' | 'ended' | 'processing' | 'ready' | 'failed';
export type LiveStreamKind = 'live' | 'premiere';
export type ChatMessageStatus = 'visible' | 'held' | 'deleted';

/** See migrations/0090_live.sql. */
export interface LiveStreamKeysTable {
  id: Generated<string>;
  channel_id: string;
  key_hash: string;
  prefix: string;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
}

export interface LiveStreamsTable {
  id: Generated<string>;
  channel_id: string;
  kind: ColumnType<LiveStreamKind, LiveStreamKind | undefined, LiveStreamKind>;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  status: ColumnType<LiveStreamStatus, LiveStreamStatus | undefined, LiveStreamStatus>;
  scheduled_at: NullableTimestamp;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  video_id: string | null;
  ingest_node: string | null;
  slow_mode_seconds: ColumnType<number, number | undefined, number>;
  subscribers_only: ColumnType<boolean, boolean | undefined, boolean>;
  pinned_message_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  failure_reason: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LiveChatMessagesTable {
  id: ColumnType<string, never, never>;
  stream_id: string;
  author_id: string;
  body: string;
  status: ColumnType<ChatMessageStatus, ChatMessageStatus | undefined, ChatMessageStatus>;
  offset_ms: ColumnType<string, number | undefined, number>;
  created_at: CreatedAt;
}

export interface LiveChatModeratorsTable {
  channel_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface LiveChatBansTable {
  channel_id: string;
  user_id: string;
  until: NullableTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface LiveTables {
  live_stream_keys: LiveStreamKeysTable;
  live_streams: LiveStreamsTable;
  live_chat_messages: LiveChatMessagesTable;
  live_chat_moderators: LiveChatModeratorsTable;
  live_chat_bans: LiveChatBansTable;
}
