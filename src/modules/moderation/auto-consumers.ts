import type { Platform } from '../../platform/platform.ts';
import { moderatorFor } from '../../platform/ai/routed-moderation-translation.ts';
import { COMMENT_CREATED, COMMENT_EDITED, type CommentCreatedPayload } from '../comments/events.ts';
import { VIDEO_READY, VIDEO_UPDATED, type VideoEventPayload } from '../videos/events.ts';
import { AutoAssessor, COMMENT_MODERATION_CONSUMER, VIDEO_MODERATION_CONSUMER } from './auto-assessor.ts';

/** Automatic moderation reacts to new and edited comments and to video metadata; call before platform.events.start(). */
export function subscribeAutoModeration(platform: Platform): void {
  const assessor = new AutoAssessor(platform, moderatorFor(platform));
  platform.events.subscribe<CommentCreatedPayload>(COMMENT_MODERATION_CONSUMER, [COMMENT_CREATED, COMMENT_EDITED], (event) => assessor.onCommentEvent(event), { concurrency: 4 });
  platform.events.subscribe<VideoEventPayload>(VIDEO_MODERATION_CONSUMER, [VIDEO_READY, VIDEO_UPDATED], (event) => assessor.onVideoEvent(event), { concurrency: 2 });
}
