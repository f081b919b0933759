import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { notFound, unprocessable } from '../../platform/http/errors.ts';
import { transcriptWithChapters } from '../intelligence/transcript-queries.ts';
import type { VideoService } from '../videos/service.ts';
import type { Citation } from './tables.ts';

/** A piece of source text a generated item can cite: a spoken segment or a document paragraph. */
export interface Passage {
  id: string;
  text: string;
  citation: Citation;
}

/** A section of a source (a video chapter, a document page or Markdown section): the unit the outline groups. */
export interface SourceSection {
  /** Source order: sources as listed, sections in their order within a source. */
  order: number;
  title: string;
  kind: 'video' | 'document';
  videoId?: string;
  documentName?: string;
  passages: Passage[];
}

/**
 * The sections of every source, in order. Videos must be usable by the creator (theirs or public) and
 * transcribed; their chapters (from the intelligence module) split them. Documents are the creator's.
 */
export async function loadSections(
  db: Kysely<DB>,
  videos: VideoService,
  actor: AuthenticatedUser,
  sources: { videoIds: string[]; documentIds: string[] },
): Promise<SourceSection[]> {
  const sections: SourceSection[] = [];
  for (const videoId of sources.videoIds) {
    const video = await videos.getVisible(actor, videoId);
    if (video.creator_id !== actor.id && video.visibility !== 'public')
      throw unprocessable('Only your own videos and public ones can be course sources');
    const { segments, chapters } = await transcriptWithChapters(db, videoId);
    if (segments.length === 0) throw unprocessable(`The video "${video.title}" has no transcript yet`);
    const starts = chapters.length > 0 ? chapters : [{ title: video.title, startSeconds: 0 }];
    starts.forEach((chapter, index) => {
      const end = starts[index + 1]?.startSeconds ?? Number.POSITIVE_INFINITY;
      const passages = segments
        .filter((segment) => segment.startSeconds >= chapter.startSeconds && segment.startSeconds < end)
        .map((segment) => ({
          id: `v${videoId.slice(0, 8)}-${segment.position}`,
          text: segment.text,
          citation: { videoId, seconds: Math.floor(segment.startSeconds) },
        }));
      if (passages.length > 0)
        sections.push({ order: sections.length, title: chapter.title, kind: 'video', videoId, passages });
    });
  }
  for (const documentId of sources.documentIds) {
    const document = await db
      .selectFrom('course_documents')
      .selectAll()
      .where('id', '=', documentId)
      .where('owner_id', '=', actor.id)
      .executeTakeFirst();
    if (!document) throw notFound('Document');
    document.pages.forEach((page, index) => {
      const paragraphs = page
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
        .filter((paragraph) => paragraph.split(' ').length >= 4);
      if (paragraphs.length === 0) return;
      const heading = /^#{1,3}\s+(.+)$/m.exec(page)?.[1]?.trim();
      sections.push({
        order: sections.length,
        title: heading ?? `${document.filename}, page ${index + 1}`,
        kind: 'document',
        documentName: document.filename,
        passages: paragraphs.map((text, position) => ({
          id: `d${documentId.slice(0, 8)}-${index + 1}-${position}`,
          text: text.replace(/^#{1,3}\s+/, ''),
          citation: { document: document.filename, page: index + 1 },
        })),
      });
    });
  }
  if (sections.length === 0) throw unprocessable('The sources have no text to build a course from');
  return sections;
}
