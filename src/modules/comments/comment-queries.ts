import type { Executor } from '../../platform/db/transaction.ts';
import { commentRepo, type CommentRow } from './repo.ts';

/**
 * The comments module's public reads for other modules (moderation, translation). Comment state changes
 * go through comment-state.ts, which keeps the reply and comment counters in step.
 */
export const commentQueries = {
  findById(db: Executor, id: string): Promise<CommentRow | undefined> {
    return commentRepo.findById(db, id);
  },

  /** Locks the comment row for the rest of the transaction (a moderation decision re-checks it). */
  findForUpdate(db: Executor, id: string): Promise<CommentRow | undefined> {
    return commentRepo.findForUpdate(db, id);
  },
};
