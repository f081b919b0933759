import { sql } from 'kysely';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { Executor } from '../../platform/db/transaction.ts';
import { compiledOnce } from '../../platform/db/compiled-once.ts';
import { namedStatement } from '../../platform/db/named-statements.ts';
import { outboxInsertFrom } from '../../platform/events/event-bus.ts';
import type { VideoRow } from '../videos/repo.ts';
import { LIKE_CREATED, LIKE_DELETED } from './events.ts';

/** What a toggle needs of the video: its visibility inputs and the stored count. */
export type ToggledVideo = Pick<VideoRow, 'creator_id' | 'status' | 'visibility' | 'like_count'>;

export interface ToggleResult {
  /** Undefined when no such video exists. */
  video: ToggledVideo | undefined;
  /** True when this call inserted (like) or deleted (unlike) the row; then the event was written too. */
  changed: boolean;
}

interface ToggleRow extends ToggledVideo {
  changed: boolean;
}

interface ToggleArgs extends Record<string, unknown> {
  actorId: string;
  admin: boolean;
  videoId: string;
  likedAt: Date;
}

/**
 * The toggle statement for one action: read the video, insert or delete the row only when the actor may
 * do it (the SQL twin of `canView`, plus "ready" for a like), write the outbox event for a row that
 * really changed, and return the video's state. The text depends only on the action, so each is
 * compiled once and prepared once per connection under its name.
 */
function toggleStatement(action: 'like' | 'unlike') {
  return compiledOnce<ToggleArgs, ToggleRow>(({ actorId, admin, videoId, likedAt }) => {
    const mayAct =
      action === 'like'
        ? sql`v.status = 'ready' and (v.creator_id = ${actorId}::uuid or ${admin} or v.visibility <> 'private')`
        : sql`v.status <> 'deleted' and (v.creator_id = ${actorId}::uuid or ${admin}
            or (v.status = 'ready' and v.visibility <> 'private'))`;
    const change =
      action === 'like'
        ? sql`insert into likes (user_id, video_id, created_at)
            select ${actorId}::uuid, v.id, ${likedAt} from v where ${mayAct}
            on conflict (user_id, video_id) do nothing
            returning video_id`
        : sql`delete from likes using v
            where likes.user_id = ${actorId}::uuid and likes.video_id = v.id and ${mayAct}
            returning likes.video_id`;
    const event = outboxInsertFrom(
      {
        topic: action === 'like' ? LIKE_CREATED : LIKE_DELETED,
        // A video id, checked as a UUID by the route.
        key: sql<string>`${videoId}::text`,
        payload: sql`jsonb_build_object('videoId', ${videoId}::text, 'userId', ${actorId}::text, 'creatorId', v.creator_id)`,
      },
      sql`changed, v`,
    );
    return sql<ToggleRow>`${namedStatement(`likes.toggle.${action}`)}
      with v as (select id, creator_id, status, visibility, like_count from videos where id = ${videoId}::uuid),
      changed as (${change}),
      event as (${event})
      select v.creator_id, v.status, v.visibility, v.like_count, exists (select 1 from changed) as changed from v`;
  });
}

const toggleStatements = { like: toggleStatement('like'), unlike: toggleStatement('unlike') };

/**
 * A like or unlike in one statement and one round trip (see toggleStatement). A single statement is
 * atomic, so the row and its event commit together without `begin`/`commit`. The caller checks the
 * returned video with `canView` / `assertPlayable` for the error to answer; the SQL conditions are the
 * same rules.
 */
export async function toggleLike(
  db: Executor,
  actor: AuthenticatedUser,
  videoId: string,
  action: 'like' | 'unlike',
): Promise<ToggleResult> {
  // The timestamp comes from here, in milliseconds, so keyset cursors (ISO strings) match it exactly.
  const result = await toggleStatements[action](db, {
    actorId: actor.id,
    admin: actor.role === 'admin',
    videoId,
    likedAt: new Date(),
  });
  const row = result.rows[0];
  if (!row) return { video: undefined, changed: false };
  const { changed, ...video } = row;
  return { video, changed };
}
