import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { assertHasChannel, type AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { epubSections, markdownSections, pdfPages } from './document-text.ts';

export type DocumentKind = 'pdf' | 'markdown' | 'epub';

/**
 * Source documents for course generation. The text is extracted at upload (pdftotext for PDF, OCR for
 * a scanned PDF, pandoc for EPUB, heading sections for Markdown and EPUB), so a file that cannot be read is refused right there with the reason, and
 * generation jobs only ever see text.
 */
export class CourseDocuments {
  constructor(private readonly db: Kysely<DB>) {}

  async upload(actor: AuthenticatedUser, filename: string, kind: DocumentKind, bytes: Buffer) {
    assertHasChannel(actor, 'make courses');
    const pages =
      kind === 'pdf'
        ? (await pdfPages(bytes)).pages
        : kind === 'epub'
          ? await epubSections(bytes)
          : markdownSections(bytes.toString('utf8'));
    return this.db
      .insertInto('course_documents')
      .values({ owner_id: actor.id, filename, kind, pages: JSON.stringify(pages), page_count: pages.length })
      .returning(['id', 'filename', 'kind', 'page_count', 'created_at'])
      .executeTakeFirstOrThrow();
  }

  list(actor: AuthenticatedUser) {
    return this.db
      .selectFrom('course_documents')
      .select(['id', 'filename', 'kind', 'page_count', 'created_at'])
      .where('owner_id', '=', actor.id)
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
  }
}
