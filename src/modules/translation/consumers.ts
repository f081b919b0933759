import type { Platform } from '../../platform/platform.ts';
import { translatorFor } from '../../platform/ai/routed-moderation-translation.ts';
import { COMMENT_CREATED, COMMENT_EDITED, type CommentCreatedPayload } from '../comments/events.ts';
import { COMMENT_LANGUAGE_CONSUMER, CommentTranslationService } from './service.ts';

/** Detects each comment's language after it is posted or edited; call before platform.events.start(). */
export function subscribeCommentLanguages(platform: Platform): void {
  const translations = new CommentTranslationService(platform, translatorFor(platform));
  platform.events.subscribe<CommentCreatedPayload>(COMMENT_LANGUAGE_CONSUMER, [COMMENT_CREATED, COMMENT_EDITED], (event) => translations.onCommentEvent(event), { concurrency: 4 });
}
