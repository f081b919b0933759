import type { Platform } from '../../platform/platform.ts';
import { translatorFor } from '../../platform/ai/routed-moderation-translation.ts';
import { COMMENT_CREATED, type CommentCreatedPayload } from '../comments/events.ts';
import { COMMENT_LANGUAGE_CONSUMER, CommentTranslationService } from './service.ts';

/** Detects each new comment's language after it is posted; call before platform.events.start(). */
export function subscribeCommentLanguages(platform: Platform): void {
  const translations = new CommentTranslationService(platform, translatorFor(platform));
  platform.events.subscribe<CommentCreatedPayload>(COMMENT_LANGUAGE_CONSUMER, [COMMENT_CREATED], (event) => translations.onCommentCreated(event), { concurrency: 4 });
}
