import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, forbidden, notFound, tooManyRequests } from '../../platform/http/errors.ts';
import type { RateLimiter } from '../../platform/rate-limit/rate-limiter.ts';
import type { UserRow } from '../users/repo.ts';
import type { CommentAccess } from './comment-access.ts';
import { deleteComment, insertComment } from './comment-state.ts';
import { publishCommentCreated, publishCommentEdited } from './events.ts';
import { commentLikeRepo } from './like-repo.ts';
import { newCommentView } from './presenter.ts';
import { commentRepo, type CommentView } from './repo.ts';
import { commentSettingsRepo } from './settings-repo.ts';
import type { CommentsTable } from './tables.ts';
import { moderatesVideo } from './visibility.ts';

export interface CommentLikeState { commentId: string; liked: boolean; likeCount: number }
export interface CreatedComment { comment: CommentView; replayed: boolean }
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

  async post(actor: AuthenticatedUser, videoId: string, text: string, idempotencyKey?: string): Promise<CreatedComment> {
    const author = await this.access.activeAccount(actor);
    const values = { video_id: videoId, user_id: actor.id, parent_id: null, reply_to_user_id: null, text, idempotency_key: idempotencyKey ?? null };
    const earlier = await this.replay(actor, values);
    if (earlier) return earlier;
    const video = await this.access.visibleVideo(actor, videoId);
    await this.access.assertOpenForComments(video);
    await this.spendNewCommentToken(actor);
    return this.create(actor, author, values, null);
  }

  /**
   * Threads are one level deep, like YouTube: a reply to a reply joins the same thread (the top-level
   * comment) and records whom it answers, which clients show as an @mention.
   */
  async reply(actor: AuthenticatedUser, targetId: string, text: string, idempotencyKey?: string): Promise<CreatedComment> {
    const author = await this.access.activeAccount(actor);
    const { comment: target, video } = await this.access.visibleComment(actor, targetId);
    const answersReply = target.parent_id !== null;
    const values = {
      video_id: video.id,
      user_id: actor.id,
      parent_id: target.parent_id ?? target.id,
      reply_to_user_id: answersReply ? target.user_id : null,
      text,
      idempotency_key: idempotencyKey ?? null,
    };
    const earlier = await this.replay(actor, values);
    if (earlier) return earlier;
    await this.access.assertOpenForComments(video);
    await this.spendNewCommentToken(actor);
    return this.create(actor, author, values, answersReply ? target.author_username : null);
  }

  async edit(actor: AuthenticatedUser, id: string, text: string): Promise<CommentView> {
    await this.access.activeAccount(actor);
    const { comment } = await this.access.visibleComment(actor, id);
    if (comment.user_id !== actor.id) throw forbidden('Only the author can edit a comment');
    const updated = await this.db.transaction().execute(async (trx) => {
      const row = await commentRepo.updateText(trx, id, text);
      if (row) await publishCommentEdited(trx, { commentId: row.id, videoId: row.video_id, userId: row.user_id, parentId: row.parent_id });
      return row;
    });
    if (!updated) throw notFound('Comment');
    return { ...comment, ...updated };
  }

  /** Soft: the author, the video's owner or an admin; replies stay readable under the tombstone. */
  async delete(actor: AuthenticatedUser, id: string): Promise<void> {
    const { comment, video } = await this.access.visibleComment(actor, id, { allowDeleted: true });
    if (comment.user_id !== actor.id && !moderatesVideo(actor, video)) {
      throw forbidden('Only the author, the video\'s owner or an admin can delete this comment');
    }
    await deleteComment(this.db, id, actor.id);
  }

  /** Idempotent: the like row's primary key makes a second like a no-op, and the count moves only with a row. */
  async like(actor: AuthenticatedUser, id: string): Promise<CommentLikeState> {
    await this.access.activeAccount(actor);
    await this.access.visibleComment(actor, id);
    const likeCount = await commentLikeRepo.add(this.db, id, actor.id) ?? await commentRepo.likeCountOf(this.db, id);
    return { commentId: id, liked: true, likeCount };
  }

  /** Allowed on deleted comments and for suspended accounts: taking back a like only removes the actor's own data. */
  async unlike(actor: AuthenticatedUser, id: string): Promise<CommentLikeState> {
    await this.access.visibleComment(actor, id, { allowDeleted: true });
    const likeCount = await commentLikeRepo.remove(this.db, id, actor.id) ?? await commentRepo.likeCountOf(this.db, id);
    return { commentId: id, liked: false, likeCount };
  }

  async setCommentsEnabled(actor: AuthenticatedUser, videoId: string, enabled: boolean): Promise<{ videoId: string; commentsEnabled: boolean }> {
    const video = await this.access.ownedVideo(actor, videoId);
    await commentSettingsRepo.setCommentsEnabled(this.db, video.id, enabled);
    return { videoId: video.id, commentsEnabled: enabled };
  }

  private async create(actor: AuthenticatedUser, author: UserRow, values: NewComment, replyToUsername: string | null): Promise<CreatedComment> {
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await insertComment(trx, values);
      if (created) await publishCommentCreated(trx, { commentId: created.id, videoId: created.video_id, userId: created.user_id, parentId: created.parent_id });
      return created;
    });
    if (row) return { comment: newCommentView(row, author, replyToUsername), replayed: false };
    // A concurrent request with the same Idempotency-Key created it first.
    const winner = await this.replay(actor, values);
    if (!winner) throw new Error('an idempotency key conflicted but its comment is gone');
    return winner;
  }

  /**
   * The comment an earlier request with the same Idempotency-Key created (before any check that may
   * have changed since: a retry gets what the first attempt got). The same key for a different comment
   * is a client bug: 409.
   */
  private async replay(actor: AuthenticatedUser, values: NewComment): Promise<CreatedComment | undefined> {
    if (!values.idempotency_key) return undefined;
    const earlier = await commentRepo.findByIdempotencyKey(this.db, actor.id, values.idempotency_key);
    if (!earlier) return undefined;
    if (earlier.video_id !== values.video_id || earlier.parent_id !== values.parent_id || earlier.text !== values.text) {
      throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different comment');
    }
    const comment = await commentRepo.findView(this.db, earlier.id, actor.id);
    return comment && { comment, replayed: true };
  }

  /** New comments and replies share one bucket per user; spent only once the comment is otherwise acceptable. */
  private async spendNewCommentToken(actor: AuthenticatedUser): Promise<void> {
    const decision = await this.newCommentLimiter.take(actor.id);
    if (!decision.allowed) {
      throw tooManyRequests(decision.retryAfterSeconds, `You are commenting too fast; try again in ${Math.ceil(decision.retryAfterSeconds)} s`);
    }
  }
}
