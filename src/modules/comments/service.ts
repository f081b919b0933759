import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { forbidden, notFound, tooManyRequests } from '../../platform/http/errors.ts';
import {
  createIdempotently,
  findIdempotentResource,
  idempotentRequest,
  type IdempotentRequest,
} from '../../platform/idempotency/idempotency.ts';
import type { RateLimiter } from '../../platform/rate-limit/rate-limiter.ts';
import type { UserRow } from '../users/repo.ts';
import type { CommentAccess } from './comment-access.ts';
import { deleteComment, insertComment } from './comment-state.ts';
import { isLikeMilestone, publishCommentCreated, publishCommentEdited, publishCommentLikeMilestone } from './events.ts';
import { commentLikeRepo } from './like-repo.ts';
import { newCommentView } from './presenter.ts';
import { commentRepo, type CommentView } from './repo.ts';
import { commentSettingsRepo } from './settings-repo.ts';
import type { CommentsTable } from './tables.ts';
import { moderatesVideo } from './visibility.ts';

export interface CommentLikeState {
  commentId: string;
  liked: boolean;
  likeCount: number;
}
/** Posting and replying share one Idempotency-Key scope: a key names one comment, whichever way it was made. */
const COMMENT_SCOPE = 'comments.create';

export interface CreatedComment {
  comment: CommentView;
  replayed: boolean;
}
type NewComment = Insertable<CommentsTable> & { video_id: string; parent_id: string | null; text: string };

/** Writing comments: post, reply, edit, delete, like, and the per-video comments switch. */
export class CommentService {
  private readonly db: Kysely<DB>;
  private readonly access: CommentAccess;
  private readonly newCommentLimiter: RateLimiter;

  constructor(deps: { db: Kysely<DB>; access: CommentAccess; newCommentLimiter: RateLimiter }) {
    this.db = deps.db;
    this.access = deps.access;
    this.newCommentLimiter = deps.newCommentLimiter;
  }

  async post(
    actor: AuthenticatedUser,
    videoId: string,
    text: string,
    idempotencyKey?: string,
  ): Promise<CreatedComment> {
    const author = await this.access.activeAccount(actor);
    const request = idempotentRequest(COMMENT_SCOPE, actor.id, idempotencyKey, { videoId, text });
    const earlier = await this.replay(actor, request);
    if (earlier) return earlier;
    const video = await this.access.visibleVideo(actor, videoId);
    await this.access.assertOpenForComments(video);
    await this.spendNewCommentToken(actor);
    const values = { video_id: videoId, user_id: actor.id, parent_id: null, reply_to_user_id: null, text };
    return this.create(actor, author, values, null, request);
  }

  /**
   * Threads are one level deep, like YouTube: a reply to a reply joins the same thread (the top-level
   * comment) and records whom it answers, which clients show as an @mention.
   */
  async reply(
    actor: AuthenticatedUser,
    targetId: string,
    text: string,
    idempotencyKey?: string,
  ): Promise<CreatedComment> {
    const author = await this.access.activeAccount(actor);
    // The key answers for the request as sent (the comment replied to), whatever thread it lands in.
    const request = idempotentRequest(COMMENT_SCOPE, actor.id, idempotencyKey, { replyTo: targetId, text });
    const { comment: target, video } = await this.access.visibleComment(actor, targetId);
    const answersReply = target.parent_id !== null;
    const values = {
      video_id: video.id,
      user_id: actor.id,
      parent_id: target.parent_id ?? target.id,
      reply_to_user_id: answersReply ? target.user_id : null,
      text,
    };
    const earlier = await this.replay(actor, request);
    if (earlier) return earlier;
    await this.access.assertOpenForComments(video);
    await this.spendNewCommentToken(actor);
    return this.create(actor, author, values, answersReply ? target.author_username : null, request);
  }

  async edit(actor: AuthenticatedUser, id: string, text: string): Promise<CommentView> {
    await this.access.activeAccount(actor);
    const { comment } = await this.access.visibleComment(actor, id);
    if (comment.user_id !== actor.id) throw forbidden('Only the author can edit a comment');
    const updated = await this.db.transaction().execute(async (trx) => {
      const row = await commentRepo.updateText(trx, id, text);
      if (row)
        await publishCommentEdited(trx, {
          commentId: row.id,
          videoId: row.video_id,
          userId: row.user_id,
          parentId: row.parent_id,
        });
      return row;
    });
    if (!updated) throw notFound('Comment');
    return { ...comment, ...updated };
  }

  /** Soft: the author, the video's owner or an admin; replies stay readable under the tombstone. */
  async delete(actor: AuthenticatedUser, id: string): Promise<void> {
    const { comment, video } = await this.access.visibleComment(actor, id, { allowDeleted: true });
    if (comment.user_id !== actor.id && !moderatesVideo(actor, video)) {
      throw forbidden("Only the author, the video's owner or an admin can delete this comment");
    }
    await deleteComment(this.db, id, actor.id);
  }

  /** Idempotent: the like row's primary key makes a second like a no-op, and the count moves only with a row. */
  async like(actor: AuthenticatedUser, id: string): Promise<CommentLikeState> {
    await this.access.activeAccount(actor);
    await this.access.visibleComment(actor, id);
    const added = await inTransaction(this.db, async (trx) => {
      const count = await commentLikeRepo.add(trx, id, actor.id);
      if (count !== undefined && isLikeMilestone(count))
        await publishCommentLikeMilestone(trx, { commentId: id, likes: count });
      return count;
    });
    const likeCount = added ?? (await commentRepo.likeCountOf(this.db, id));
    return { commentId: id, liked: true, likeCount };
  }

  /** Allowed on deleted comments and for suspended accounts: taking back a like only removes the actor's own data. */
  async unlike(actor: AuthenticatedUser, id: string): Promise<CommentLikeState> {
    await this.access.visibleComment(actor, id, { allowDeleted: true });
    const likeCount =
      (await commentLikeRepo.remove(this.db, id, actor.id)) ?? (await commentRepo.likeCountOf(this.db, id));
    return { commentId: id, liked: false, likeCount };
  }

  async setCommentsEnabled(
    actor: AuthenticatedUser,
    videoId: string,
    enabled: boolean,
  ): Promise<{ videoId: string; commentsEnabled: boolean }> {
    const video = await this.access.ownedVideo(actor, videoId);
    await commentSettingsRepo.setCommentsEnabled(this.db, video.id, enabled);
    return { videoId: video.id, commentsEnabled: enabled };
  }

  private async create(
    actor: AuthenticatedUser,
    author: UserRow,
    values: NewComment,
    replyToUsername: string | null,
    request: IdempotentRequest | undefined,
  ): Promise<CreatedComment> {
    // A concurrent request with the same Idempotency-Key that created it first is answered with its comment.
    const { value: comment, replayed } = await createIdempotently(this.db, request, {
      create: async (trx, id) => {
        const created = await insertComment(trx, { id, ...values });
        await publishCommentCreated(trx, {
          commentId: created.id,
          videoId: created.video_id,
          userId: created.user_id,
          parentId: created.parent_id,
        });
        return newCommentView(created, author, replyToUsername);
      },
      load: (id) => commentRepo.findView(this.db, id, actor.id),
    });
    return { comment, replayed };
  }

  /**
   * The comment an earlier request with the same Idempotency-Key created (before any check that may
   * have changed since: a retry gets what the first attempt got). The same key for a different comment
   * is a client bug: 409.
   */
  private async replay(
    actor: AuthenticatedUser,
    request: IdempotentRequest | undefined,
  ): Promise<CreatedComment | undefined> {
    const earlierId = request && (await findIdempotentResource(this.db, request));
    if (earlierId === undefined) return undefined;
    const comment = await commentRepo.findView(this.db, earlierId, actor.id);
    return comment && { comment, replayed: true };
  }

  /** New comments and replies share one bucket per user; spent only once the comment is otherwise acceptable. */
  private async spendNewCommentToken(actor: AuthenticatedUser): Promise<void> {
    const decision = await this.newCommentLimiter.take(actor.id);
    if (!decision.allowed) {
      throw tooManyRequests(
        decision.retryAfterSeconds,
        `You are commenting too fast; try again in ${Math.ceil(decision.retryAfterSeconds)} s`,
      );
    }
  }
}
