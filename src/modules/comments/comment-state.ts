import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import { notFound } from '../../platform/http/errors.ts';
import { commentRepo, type CommentRow } from './repo.ts';
import type { CommentsTable } from './tables.ts';
import { isCounted } from './visibility.ts';

/**
 * Every write that can change whether a comment is counted (create, delete, hide, unhide) goes through
 * here, so the parent's reply_count and the video's comment_count move in the same transaction as the
 * row. Locks are always taken comment (reply before its parent) then video, so writers never deadlock.
 */
async function applyCountDelta(trx: Transaction<DB>, before: CommentRow | undefined, after: CommentRow): Promise<void> {
  const delta = Number(isCounted(after)) - Number(before !== undefined && isCounted(before));
  if (delta === 0) return;
  if (after.parent_id) await commentRepo.adjustReplyCount(trx, after.parent_id, delta);
  await commentRepo.adjustVideoCommentCount(trx, after.video_id, delta);
}

export function insertComment(executor: Executor, values: Insertable<CommentsTable>): Promise<CommentRow> {
  return inTransaction(executor, async (trx) => {
    const created = await commentRepo.insert(trx, values);
    await applyCountDelta(trx, undefined, created);
    return created;
  });
}

/** Locks the row, lets `change` write it (or return undefined when there is nothing to do), then recounts. */
function changeState(
  executor: Executor,
  id: string,
  change: (trx: Transaction<DB>, before: CommentRow) => Promise<CommentRow> | undefined,
): Promise<CommentRow> {
  return inTransaction(executor, async (trx) => {
    const before = await commentRepo.findForUpdate(trx, id);
    if (!before) throw notFound('Comment');
    const after = await change(trx, before);
    if (!after) return before;
    await applyCountDelta(trx, before, after);
    return after;
  });
}

/** Soft delete; deleting again changes nothing. */
export function deleteComment(executor: Executor, id: string, deletedBy: string): Promise<CommentRow> {
  return changeState(executor, id, (trx, before) => (before.deleted_at ? undefined : commentRepo.markDeleted(trx, id, deletedBy)));
}

/** Hides (moderator's id) or unhides (null); repeating either changes nothing. */
export function setCommentHidden(executor: Executor, id: string, moderatorId: string | null): Promise<CommentRow> {
  return changeState(executor, id, (trx, before) =>
    ((before.hidden_at !== null) === (moderatorId !== null) ? undefined : commentRepo.setHidden(trx, id, moderatorId)));
}
