import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DomainEvent, EventBus } from '../../platform/events/event-bus.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import {
  COMMENT_CREATED,
  COMMENT_LIKE_MILESTONE,
  type CommentCreatedPayload,
  type CommentLikeMilestonePayload,
} from '../comments/events.ts';
import { commentQueries } from '../comments/comment-queries.ts';
import {
  COMMENT_REPORTED,
  MODERATION_CASE_DECIDED,
  MODERATION_CASE_QUEUED,
  VIDEO_REMOVED_AFTER_REPORTS,
  VIDEO_REPORTED,
  type CommentReportedPayload,
  type ModerationCasePayload,
  type VideoRemovedPayload,
  type VideoReportedPayload,
} from '../moderation/events.ts';
import { SUBSCRIPTION_CREATED, type SubscriptionEventPayload } from '../subscriptions/events.ts';
import { userQueries } from '../users/user-queries.ts';
import {
  VIDEO_FAILED,
  VIDEO_READY,
  VIDEO_UPDATED,
  type VideoEventPayload,
  type VideoFailedPayload,
} from '../videos/events.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { KIND } from './builtin-kinds.ts';
import { enqueueNewVideoFanOut } from './fan-out.ts';
import type { Notifier } from './notifier.ts';

/** Consumer names (they name processed marks and Redis groups: renaming one starts it over). */
export const NOTIFICATION_CONSUMERS = {
  videos: 'notifications-videos',
  comments: 'notifications-comments',
  channels: 'notifications-channels',
  moderation: 'notifications-moderation',
  videoReports: 'notifications-video-reports',
} as const;

/** `@name` in a comment: the username alphabet, not inside an e-mail address. */
const MENTION = /(?:^|[^\w.@])@([A-Za-z0-9_.-]{3,30})/g;
const MAX_MENTIONS = 5;

const excerpt = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 140);

/** `true` for 1, 10, 100, …: the subscriber counts worth a notification. */
export function isPowerOfTen(count: number): boolean {
  return count >= 1 && 10 ** Math.round(Math.log10(count)) === count;
}

/**
 * Turns domain events into notifications. Only events feed it (never request handlers), and every
 * notification carries a source key made of the event id (or the video id for new uploads), so a
 * redelivered event finds its receipts and notifies nobody twice.
 */
export class NotificationSources {
  constructor(private readonly deps: { db: Kysely<DB>; jobs: JobQueue; notifier: Notifier }) {}

  subscribe(events: EventBus): void {
    events.subscribe<VideoEventPayload & Partial<VideoFailedPayload>>(
      NOTIFICATION_CONSUMERS.videos,
      [VIDEO_READY, VIDEO_UPDATED, VIDEO_FAILED],
      (event) => this.onVideo(event),
      { concurrency: 4 },
    );
    events.subscribe<CommentCreatedPayload & Partial<CommentLikeMilestonePayload>>(
      NOTIFICATION_CONSUMERS.comments,
      [COMMENT_CREATED, COMMENT_LIKE_MILESTONE],
      (event) => this.onComment(event),
      { concurrency: 4 },
    );
    events.subscribe<SubscriptionEventPayload>(
      NOTIFICATION_CONSUMERS.channels,
      [SUBSCRIPTION_CREATED],
      (event) => this.onSubscription(event),
      { concurrency: 4 },
    );
    events.subscribe<ModerationCasePayload & Partial<CommentReportedPayload>>(
      NOTIFICATION_CONSUMERS.moderation,
      [MODERATION_CASE_QUEUED, MODERATION_CASE_DECIDED, COMMENT_REPORTED],
      (event) => this.onModeration(event),
      { concurrency: 2 },
    );
    events.subscribe<VideoReportedPayload & Partial<VideoRemovedPayload>>(
      NOTIFICATION_CONSUMERS.videoReports,
      [VIDEO_REPORTED, VIDEO_REMOVED_AFTER_REPORTS],
      (event) => this.onVideoReport(event),
      { concurrency: 2 },
    );
  }

  async onVideo({ id, topic, payload }: DomainEvent<VideoEventPayload & Partial<VideoFailedPayload>>): Promise<void> {
    const { db, jobs, notifier } = this.deps;
    const isPublicReady = payload.status === 'ready' && payload.visibility === 'public';
    if (topic === VIDEO_UPDATED) {
      // Made public after processing: subscribers hear of it now (once per video, see NewVideoFanOut).
      if (isPublicReady && payload.previousVisibility !== 'public') await enqueueNewVideoFanOut(jobs, payload.videoId);
      return;
    }
    const video = await videoQueries.findById(db, payload.videoId);
    if (!video || video.status === 'deleted') return;
    const data = { videoId: video.id, videoTitle: video.title };
    if (topic === VIDEO_FAILED) {
      await notifier.notify({
        sourceKey: id,
        kind: KIND.videoFailed,
        recipients: [video.creator_id],
        data: { ...data, reason: payload.reason ?? video.failure_reason ?? '' },
      });
      return;
    }
    await notifier.notify({ sourceKey: id, kind: KIND.videoReady, recipients: [video.creator_id], data });
    if (isPublicReady) await enqueueNewVideoFanOut(jobs, payload.videoId);
  }

  async onComment({
    id,
    topic,
    payload,
  }: DomainEvent<CommentCreatedPayload & Partial<CommentLikeMilestonePayload>>): Promise<void> {
    const { db, notifier } = this.deps;
    const comment = await commentQueries.findById(db, payload.commentId);
    if (!comment || comment.deleted_at || comment.hidden_at) return;
    const video = await videoQueries.findById(db, comment.video_id);
    if (!video || video.status === 'deleted') return;
    const base = {
      videoId: video.id,
      videoTitle: video.title,
      commentId: comment.id,
      parentId: comment.parent_id ?? '',
      excerpt: excerpt(comment.text),
    };

    if (topic === COMMENT_LIKE_MILESTONE) {
      // Keyed by the milestone, not the event: unlike and like again does not announce 10 likes twice.
      await notifier.notify({
        sourceKey: `comment.likes:${comment.id}:${payload.likes}`,
        kind: KIND.commentLikes,
        recipients: [comment.user_id],
        data: { ...base, likes: payload.likes },
      });
      return;
    }
    const author = await userQueries.findById(db, comment.user_id);
    if (!author) return;
    const data = { ...base, actorName: author.username };
    const repliedTo = new Set<string>();
    if (comment.parent_id) {
      const parent = await commentQueries.findById(db, comment.parent_id);
      if (parent && !parent.deleted_at) repliedTo.add(parent.user_id);
      if (comment.reply_to_user_id) repliedTo.add(comment.reply_to_user_id);
      repliedTo.delete(author.id);
      await notifier.notify({
        sourceKey: `${id}:reply`,
        kind: KIND.commentReply,
        recipients: [...repliedTo],
        actorId: author.id,
        data,
        groupKey: `comment.reply:${comment.parent_id}`,
      });
    }
    const mentioned = await this.mentionedUsers(comment.text);
    const mentionRecipients = mentioned.filter((userId) => userId !== author.id && !repliedTo.has(userId));
    await notifier.notify({
      sourceKey: `${id}:mention`,
      kind: KIND.commentMention,
      recipients: mentionRecipients,
      actorId: author.id,
      data,
    });
  }

  private async mentionedUsers(text: string): Promise<string[]> {
    const names = [...new Set([...text.matchAll(MENTION)].map((match) => match[1]!.replace(/[.-]+$/, '')))].slice(
      0,
      MAX_MENTIONS,
    );
    const users = await Promise.all(names.map((name) => userQueries.findByUsername(this.deps.db, name)));
    return users.filter((user) => user && !user.banned_at).map((user) => user!.id);
  }

  async onSubscription({ payload }: DomainEvent<SubscriptionEventPayload>): Promise<void> {
    const count = payload.subscriberCount;
    if (count === undefined || !isPowerOfTen(count)) return;
    await this.deps.notifier.notify({
      // Keyed by the count reached: losing and regaining the 10th subscriber does not repeat it.
      sourceKey: `channel.subscribers:${payload.channelId}:${count}`,
      kind: KIND.subscriberMilestone,
      recipients: [payload.channelId],
      data: { channelId: payload.channelId, subscribers: count },
    });
  }

  /** A report tells the admins (grouped with comment reports); a removal tells the video's creator why. */
  async onVideoReport({
    id,
    topic,
    payload,
  }: DomainEvent<Partial<VideoReportedPayload> & Partial<VideoRemovedPayload>>): Promise<void> {
    const { notifier } = this.deps;
    if (topic === VIDEO_REMOVED_AFTER_REPORTS) {
      await notifier.notify({
        sourceKey: id,
        kind: KIND.videoRemoved,
        recipients: [payload.creatorId ?? ''],
        data: { videoTitle: payload.videoTitle ?? '', reason: payload.reason ?? '', note: payload.note ?? '' },
      });
      return;
    }
    await notifier.notify({
      sourceKey: id,
      kind: KIND.adminReport,
      recipients: await this.admins(),
      data: { subject: 'video', videoId: payload.videoId ?? '', reason: payload.reason ?? '' },
      groupKey: 'admin.report',
    });
  }

  async onModeration({
    id,
    topic,
    payload,
  }: DomainEvent<ModerationCasePayload & Partial<CommentReportedPayload>>): Promise<void> {
    const { db, notifier } = this.deps;
    if (topic === COMMENT_REPORTED) {
      await notifier.notify({
        sourceKey: id,
        kind: KIND.adminReport,
        recipients: await this.admins(),
        data: { commentId: payload.commentId, reason: payload.reason ?? '' },
        groupKey: 'admin.report',
      });
      return;
    }
    const videoId =
      payload.subjectType === 'video'
        ? payload.subjectId
        : ((await commentQueries.findById(db, payload.subjectId))?.video_id ?? '');
    const data = {
      subjectType: payload.subjectType,
      subjectId: payload.subjectId,
      videoId,
      appealed: payload.appealed,
      decision: payload.status,
      reason: payload.topCategory,
      note: payload.reviewNote ?? '',
    };
    if (topic === MODERATION_CASE_DECIDED) {
      await notifier.notify({ sourceKey: id, kind: KIND.moderationDecision, recipients: [payload.ownerId], data });
      return;
    }
    await notifier.notify({
      sourceKey: `${id}:admins`,
      kind: KIND.adminCase,
      recipients: (await this.admins()).filter((admin) => admin !== payload.ownerId),
      data,
      groupKey: 'admin.case',
    });
    if (!payload.appealed && payload.held)
      await notifier.notify({
        sourceKey: `${id}:owner`,
        kind: KIND.moderationHeld,
        recipients: [payload.ownerId],
        data,
      });
  }

  private admins(): Promise<string[]> {
    return userQueries.activeAdminIds(this.deps.db);
  }
}
