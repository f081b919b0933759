import type { ColumnType, Generated } from 'kysely';
import type { LikeTables } from '../../modules/likes/tables.ts';
import type { ViewTables } from '../../modules/views/tables.ts';
import type { JobTables } from '../jobs/job-tables.ts';
import type { EventTables } from '../events/event-tables.ts';
import type { VideoTables } from '../../modules/videos/tables.ts';
import type { UploadTables } from '../../modules/uploads/tables.ts';
import type { CommentTables } from '../../modules/comments/tables.ts';
import type { ModerationTables } from '../../modules/moderation/tables.ts';
import type { SubscriptionTables } from '../../modules/subscriptions/tables.ts';
import type { PlaylistTables } from '../../modules/playlists/tables.ts';
import type { SearchTables } from '../../modules/search/tables.ts';
import type { TrendingTables } from '../../modules/trending/tables.ts';
import type { FeedTables } from '../../modules/feeds/tables.ts';
import type { TranslationTables } from '../../modules/translation/tables.ts';
import type { AiTables } from '../ai/ai-tables.ts';
import type { IntelligenceTables } from '../../modules/intelligence/tables.ts';
import type { SeedTables } from '../../modules/seed/tables.ts';
import type { NotificationTables } from '../../modules/notifications/tables.ts';
import type { IdempotencyTables } from '../idempotency/idempotency-tables.ts';
import type { LiveTables } from '../../modules/live/tables.ts';
import type { AnalyticsTables } from '../../modules/analytics/tables.ts';
import type { RecommendationTables } from '../../modules/recommendations/tables.ts';
import type { CourseTables } from '../../modules/courses/tables.ts';
import type { BookingTables } from '../../modules/booking/tables.ts';
import type { OpsTables } from '../ops/ops-tables.ts';
import type { NoteTables } from '../../modules/notes/tables.ts';

/** Column typings for the query builder; the SQL in migrations/ is the source of truth. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'viewer' | 'creator' | 'admin';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  email: string;
  password_hash: string;
  role: ColumnType<Role, Role | undefined, Role>;
  avatar_url: string | null;
  bio: Generated<string>;
  banned_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
  rotated_at: Date | null;
  revoked_at: Date | null;
  user_agent: string | null;
  ip: string | null;
}

export interface PasswordResetTokensTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface MailMessagesTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: CreatedAt;
}

export interface DB
  extends
    JobTables,
    VideoTables,
    UploadTables,
    LikeTables,
    ViewTables,
    EventTables,
    CommentTables,
    ModerationTables,
    SubscriptionTables,
    PlaylistTables,
    SearchTables,
    TrendingTables,
    FeedTables,
    TranslationTables,
    AiTables,
    IntelligenceTables,
    SeedTables,
    IdempotencyTables,
    NotificationTables,
    AnalyticsTables,
    RecommendationTables,
    LiveTables,
    CourseTables,
    BookingTables,
    OpsTables,
    NoteTables {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  password_reset_tokens: PasswordResetTokensTable;
  mail_messages: MailMessagesTable;
}
