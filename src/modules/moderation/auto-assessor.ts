import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { isProcessed, processOnce, type DomainEvent } from '../../platform/events/event-bus.ts';
import type { Config } from '../../config.ts';
import { topScore, type Moderator, type TextModeration } from '../../platform/ai/moderator.ts';
import { holdCommentForReview, setCommentHidden } from '../comments/comment-state.ts';
import type { CommentCreatedPayload } from '../comments/events.ts';
import { commentQueries } from '../comments/comment-queries.ts';
import type { VideoEventPayload } from '../videos/events.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { MODERATION_CASE_QUEUED, publishCaseEvent } from './events.ts';
import { caseRepo, type Assessment } from './case-repo.ts';
import type { CaseSubject } from './tables.ts';

export const COMMENT_MODERATION_CONSUMER = 'moderation-comments';
export const VIDEO_MODERATION_CONSUMER = 'moderation-videos';

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a video is judged on: its title and description together. */
const videoText = (video: { title: string; description: string }) => `${video.title}\n\n${video.description}`.trim();

/**
 * Scores new comments and video metadata after they are published (the author never waits for it),
 * hides comments and flags videos at or over the threshold for an admin's review (config.moderation).
 */
export class AutoAssessor {
  private readonly db: Kysely<DB>;
  private readonly moderator: Moderator;
  private readonly thresholds: Config['moderation'];

  constructor(deps: { db: Kysely<DB>; moderator: Moderator; thresholds: Config['moderation'] }) {
    this.db = deps.db;
    this.moderator = deps.moderator;
    this.thresholds = deps.thresholds;
  }

  /**
   * comment.created and comment.edited. The model runs outside the transaction (it may be a remote call);
   * the case and the hide are written with the event's processed mark, so a redelivered event changes
   * nothing, and an edit that leaves the text as scored is not scored again. An edit that cleans up a
   * comment held by moderation (and not yet reviewed) shows it again; a rejected comment stays rejected
   * whatever its edits (the author has the appeal).
   */
  async onCommentEvent(event: DomainEvent<CommentCreatedPayload>): Promise<void> {
    if (await isProcessed(this.db, COMMENT_MODERATION_CONSUMER, event.id)) return;
    const comment = await commentQueries.findById(this.db, event.payload.commentId);
    if (!comment || comment.deleted_at) return;
    const earlier = await caseRepo.find(this.db, 'comment', comment.id);
    if (earlier?.content_hash === hashOf(comment.text) || earlier?.status === 'rejected') return;
    const result = await this.moderator.moderateText(comment.text, {
      userId: comment.user_id,
      videoId: comment.video_id,
    });
    await processOnce(this.db, COMMENT_MODERATION_CONSUMER, event, async (trx) => {
      const locked = await commentQueries.findForUpdate(trx, comment.id);
      if (!locked || locked.text !== comment.text) return; // edited again meanwhile: that edit's event scores it
      const assessment = this.assessment('comment', comment.id, comment.user_id, comment.text, result);
      const row = await caseRepo.upsert(trx, assessment);
      if (assessment.status === 'pending') await holdCommentForReview(trx, comment.id);
      else if (earlier?.status === 'pending' && locked.hidden_at && locked.hidden_by === null)
        await setCommentHidden(trx, comment.id, null);
      if (row.status === 'pending') await publishCaseEvent(trx, MODERATION_CASE_QUEUED, row);
    });
  }

  /** video.ready and video.updated: re-scored only when the title or description changed. */
  async onVideoEvent(event: DomainEvent<VideoEventPayload>): Promise<void> {
    if (await isProcessed(this.db, VIDEO_MODERATION_CONSUMER, event.id)) return;
    const video = await videoQueries.findById(this.db, event.payload.videoId);
    if (!video || video.status === 'deleted') return;
    const text = videoText(video);
    const earlier = await caseRepo.find(this.db, 'video', video.id);
    if (earlier?.content_hash === hashOf(text)) return;
    const result = await this.moderator.moderateText(text, { userId: video.creator_id, videoId: video.id });
    await processOnce(this.db, VIDEO_MODERATION_CONSUMER, event, async (trx) => {
      const row = await caseRepo.upsert(trx, this.assessment('video', video.id, video.creator_id, text, result));
      if (row.status === 'pending') await publishCaseEvent(trx, MODERATION_CASE_QUEUED, row);
    });
  }

  private assessment(
    subjectType: CaseSubject,
    subjectId: string,
    ownerId: string,
    text: string,
    result: TextModeration,
  ): Assessment {
    const { threshold, videoHoldThreshold } = this.thresholds;
    const top = topScore(result.scores);
    const flagged = top.score >= threshold;
    return {
      subjectType,
      subjectId,
      ownerId,
      contentHash: hashOf(text),
      scores: result.scores,
      topCategory: top.category,
      topScore: top.score,
      reasons: result.reasons,
      model: result.model,
      status: flagged ? 'pending' : 'clear',
      // A flagged comment is hidden; a flagged video stays listed unless the score is very high.
      held: subjectType === 'comment' ? flagged : top.score >= videoHoldThreshold,
    };
  }
}
