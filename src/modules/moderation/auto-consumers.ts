import type { EventBus } from '../../platform/events/event-bus.ts';
import { COMMENT_CREATED, COMMENT_EDITED, type CommentCreatedPayload } from '../comments/events.ts';
import { VIDEO_READY, VIDEO_UPDATED, type VideoEventPayload } from '../videos/events.ts';
import { COMMENT_MODERATION_CONSUMER, VIDEO_MODERATION_CONSUMER, type AutoAssessor } from './auto-assessor.ts';

/** Automatic moderation reacts to new and edited comments and to video metadata; call before events.start(). */
export function subscribeAutoModeration(events: EventBus, assessor: AutoAssessor): void {
  events.subscribe<CommentCreatedPayload>(
    COMMENT_MODERATION_CONSUMER,
    [COMMENT_CREATED, COMMENT_EDITED],
    (event) => assessor.onCommentEvent(event),
    { concurrency: 4 },
  );
  events.subscribe<VideoEventPayload>(
    VIDEO_MODERATION_CONSUMER,
    [VIDEO_READY, VIDEO_UPDATED],
    (event) => assessor.onVideoEvent(event),
    { concurrency: 2 },
  );
}
