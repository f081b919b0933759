import type { EventBus } from '../../platform/events/event-bus.ts';
import { COMMENT_CREATED, COMMENT_EDITED, type CommentCreatedPayload } from '../comments/events.ts';
import { COMMENT_LANGUAGE_CONSUMER, type CommentTranslationService } from './service.ts';

/** Detects each comment's language after it is posted or edited; call before events.start(). */
export function subscribeCommentLanguages(events: EventBus, translations: CommentTranslationService): void {
  events.subscribe<CommentCreatedPayload>(
    COMMENT_LANGUAGE_CONSUMER,
    [COMMENT_CREATED, COMMENT_EDITED],
    (event) => translations.onCommentEvent(event),
    { concurrency: 4 },
  );
}
