import { sql } from 'kysely';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';

/**
 * SQL twin of the videos module's `canView`, for lists that join `videos` read-only: deleted videos
 * vanish, private ones stay only for their owner (and admins), unfinished ones only for the owner.
 */
export function videoVisibleTo(actor: AuthenticatedUser) {
  return sql<boolean>`(videos.status <> 'deleted' and (videos.creator_id = ${actor.id}::uuid or ${actor.role === 'admin'}
    or (videos.status = 'ready' and videos.visibility <> 'private')))`;
}
