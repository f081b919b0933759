import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { isProcessed, processOnce, type DomainEvent } from '../../platform/events/event-bus.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, unprocessable } from '../../platform/http/errors.ts';
import { languageDetector } from '../../platform/ai/translation/language-detector.ts';
import { UnsupportedLanguagePairError, type Translator } from '../../platform/ai/translation/translator.ts';
import type { CommentAccess } from '../comments/comment-access.ts';
import type { CommentCreatedPayload } from '../comments/events.ts';
import { commentQueries } from '../comments/comment-queries.ts';
import { translationRepo } from './repo.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

export const COMMENT_LANGUAGE_CONSUMER = 'translation-comment-language';

export interface CommentTranslation {
  commentId: string;
  original: { text: string; language: string };
  /** False when the comment is already in the requested language: `text` is then the original. */
  translated: boolean;
  text: string;
  from: string;
  to: string;
  /** Which engine translated (null when nothing needed translating). */
  model: { name: string; version: string } | null;
  cached: boolean;
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });
export const languageName = (code: string) => displayNames.of(code) ?? code;

/** Identical texts in the same language share one cached translation per target language. */
const contentHash = (language: string, text: string) =>
  createHash('sha256').update(`${language}\n${text}`).digest('hex');

/**
 * Comment languages (detected after posting, by an outbox consumer) and on-demand translation, cached by
 * content hash and target language. Posting never waits for either.
 */
export class CommentTranslationService {
  private readonly db: Kysely<DB>;
  private readonly access: CommentAccess;
  private readonly translator: Translator;

  constructor(deps: { db: Kysely<DB>; access: CommentAccess; translator: Translator }) {
    this.db = deps.db;
    this.access = deps.access;
    this.translator = deps.translator;
  }

  /** comment.created and comment.edited: the language of the text as it now is. */
  async onCommentEvent(event: DomainEvent<CommentCreatedPayload>): Promise<void> {
    if (await isProcessed(this.db, COMMENT_LANGUAGE_CONSUMER, event.id)) return;
    const comment = await commentQueries.findById(this.db, event.payload.commentId);
    if (!comment) return;
    const detected = await languageDetector.detect(comment.text);
    await processOnce(this.db, COMMENT_LANGUAGE_CONSUMER, event, (trx) =>
      translationRepo.saveLanguage(trx, { commentId: comment.id, ...detected }),
    );
  }

  /** The stored language, or detected now when the consumer has not got to the comment yet. */
  private async languageOf(commentId: string, text: string): Promise<string | null> {
    const stored = await translationRepo.findLanguage(this.db, commentId);
    if (stored) return stored.language;
    const detected = await languageDetector.detect(text);
    await translationRepo.saveLanguage(this.db, { commentId, ...detected });
    return detected.language;
  }

  async translate(actor: AuthenticatedUser | undefined, commentId: string, to: string): Promise<CommentTranslation> {
    const { comment } = await this.access.visibleComment(actor, commentId);
    const from = await this.languageOf(comment.id, comment.text);
    if (!from)
      throw unprocessable(
        'The language of this comment could not be detected (it is too short or mixed), so it cannot be translated',
        ErrorCode.LANGUAGE_UNDETECTED,
      );
    const base = { commentId: comment.id, original: { text: comment.text, language: from }, from, to };
    if (from === to) return { ...base, translated: false, text: comment.text, model: null, cached: false };

    const hash = contentHash(from, comment.text);
    const cached = await translationRepo.findCached(this.db, hash, to);
    if (cached)
      return {
        ...base,
        translated: true,
        text: cached.translated_text,
        model: { name: cached.model_name, version: cached.model_version },
        cached: true,
      };

    const result = await this.callTranslator(comment.text, from, to);
    await translationRepo.cache(this.db, {
      content_hash: hash,
      target_language: to,
      source_language: from,
      translated_text: result.text,
      model_name: result.model.name,
      model_version: result.model.version,
    });
    return { ...base, translated: true, text: result.text, model: result.model, cached: false };
  }

  private async callTranslator(text: string, from: string, to: string) {
    try {
      return await this.translator.translate(text, from, to);
    } catch (error) {
      if (error instanceof UnsupportedLanguagePairError) {
        throw unprocessable(
          `No translation from ${languageName(from)} to ${languageName(to)} is available on this server`,
          ErrorCode.TRANSLATION_UNAVAILABLE,
        );
      }
      throw new AppError(
        503,
        ErrorCode.TRANSLATION_FAILED,
        `Translating from ${languageName(from)} failed: ${(error as Error).message}`,
      );
    }
  }
}
