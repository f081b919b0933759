import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import { notFound } from '../../platform/http/errors.ts';
import { commentRepo, type CommentRow } from './repo.ts';
import type { CommentsTable } from './tables.ts';

/*
 * Every write that changes whether a comment is counted (create, delete, hide, unhide) is ONE statement:
 * the row change plus the parent's reply_count and the video's comment_count, via data-modifying CTEs.
 * A statement is atomic, so the counters can never disagree with the rows, and the locks on the hot rows
 * (a busy video, a busy thread) are held only while the server runs it, never across a round trip to
 * this process, whose event loop may be busy with a thousand other requests. Every statement has the
 * same shape (comment, then parent, then video), so the rows are always locked in the same order.
 */

/** A new comment is counted (neither deleted nor hidden: see visibility.ts). */
export async function insertComment(db: Executor, values: Insertable<CommentsTable>): Promise<CommentRow> {
  return db
    .with('created', (cte) => cte.insertInto('comments').values(values).returningAll())
    .with('counted_reply', (cte) =>
      cte
        .updateTable('comments')
        .set((eb) => ({ reply_count: eb('reply_count', '+', 1) }))
        .where('id', '=', (eb) => eb.selectFrom('created').select('parent_id')),
    )
    .with('counted_video', (cte) =>
      cte
        .updateTable('videos')
        .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
        .where('id', '=', (eb) => eb.selectFrom('created').select('video_id')),
    )
    .selectFrom('created')
    .selectAll()
    .executeTakeFirstOrThrow();
}

interface StateChange {
  set: Updateable<CommentsTable>;
  /** The comment is not yet in the target state; otherwise the change is a no-op. */
  pending: RawBuilder<boolean>;
  /** How the counters move when the change happens (its other flag decides whether it was or becomes counted). */
  delta: RawBuilder<number>;
}

/** Applies the change and its counter delta in one statement; returns the comment as it now is. */
async function changeState(db: Executor, id: string, change: StateChange): Promise<CommentRow> {
  const changed = await db
    .with('changed', (cte) =>
      cte
        .updateTable('comments')
        .set(change.set)
        .where('id', '=', id)
        .where(change.pending)
        .returningAll()
        .returning(change.delta.as('delta')),
    )
    .with('counted_reply', (cte) =>
      cte
        .updateTable('comments')
        .set((eb) => ({ reply_count: eb('reply_count', '+', eb.selectFrom('changed').select('delta')) }))
        .where('id', '=', (eb) => eb.selectFrom('changed').select('parent_id').where('delta', '<>', 0)),
    )
    .with('counted_video', (cte) =>
      cte
        .updateTable('videos')
        .set((eb) => ({ comment_count: eb('comment_count', '+', eb.selectFrom('changed').select('delta')) }))
        .where('id', '=', (eb) => eb.selectFrom('changed').select('video_id').where('delta', '<>', 0)),
    )
    .selectFrom('changed')
    .selectAll()
    .executeTakeFirst();
  if (changed) {
    const { delta: _delta, ...row } = changed;
    return row;
  }
  const current = await commentRepo.findById(db, id);
  if (!current) throw notFound('Comment');
  return current;
}

/** Soft delete; deleting again changes nothing. */
export function deleteComment(db: Executor, id: string, deletedBy: string): Promise<CommentRow> {
  return changeState(db, id, {
    set: { deleted_at: new Date(), deleted_by: deletedBy },
    pending: sql<boolean>`deleted_at is null`,
    delta: sql<number>`case when hidden_at is null then -1 else 0 end`,
  });
}

/** Hides (with the moderator's id) or unhides (null); repeating either changes nothing. */
export function setCommentHidden(db: Executor, id: string, moderatorId: string | null): Promise<CommentRow> {
  if (moderatorId === null) {
    return changeState(db, id, {
      set: { hidden_at: null, hidden_by: null },
      pending: sql<boolean>`hidden_at is not null`,
      delta: sql<number>`case when deleted_at is null then 1 else 0 end`,
    });
  }
  return hide(db, id, moderatorId);
}

/** Hidden by automatic moderation until an admin reviews it: no moderator to name. */
export function holdCommentForReview(db: Executor, id: string): Promise<CommentRow> {
  return hide(db, id, null);
}

function hide(db: Executor, id: string, hiddenBy: string | null): Promise<CommentRow> {
  return changeState(db, id, {
    set: { hidden_at: new Date(), hidden_by: hiddenBy },
    pending: sql<boolean>`hidden_at is null`,
    delta: sql<number>`case when deleted_at is null then -1 else 0 end`,
  });
}
