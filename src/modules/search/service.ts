import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../platform/db/schema.ts';
import { toIso } from '../../platform/http/envelope.ts';
import { cursorCodec, toPage } from '../../platform/pagination/cursor.ts';
import type { MediaUrls } from '../videos/media-urls.ts';
import { pathInVideoFolder } from '../videos/storage-keys.ts';
import { channelSuggestions, tagSuggestions, titleSuggestions, type Suggestion } from './autocomplete-repo.ts';
import { logQuery, popularQueries, zeroResultQueries, type ZeroResultCursor } from './query-log-repo.ts';
import { normaliseQuery, parseSearchQuery } from './query-parser.ts';
import { searchVideoIds, searchVideos, type SearchRow } from './search-repo.ts';
import type { searchQuery, searchResultSchema } from './schemas.ts';

const AUTOCOMPLETE_SIZE = 10;
const DESCRIPTION_PREVIEW = 200;

const zeroResultCursor = cursorCodec('zero-results', z.object({ lastSearchedAt: z.iso.datetime(), query: z.string() }));

type SearchParams = z.output<typeof searchQuery>;
type SearchResult = z.output<typeof searchResultSchema>;

/** Takes from each list in turn, so one kind cannot crowd out the others; drops repeated texts. */
function interleave(lists: Suggestion[][], size: number): Suggestion[] {
  const merged: Suggestion[] = [];
  const seen = new Set<string>();
  const longest = Math.max(...lists.map((list) => list.length));
  for (let index = 0; index < longest; index += 1) {
    for (const suggestion of lists.map((list) => list[index])) {
      if (!suggestion) continue;
      const key = `${suggestion.type}:${suggestion.text.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(suggestion);
    }
  }
  return merged.slice(0, size);
}

export class SearchService {
  private readonly db: Kysely<DB>;
  private readonly mediaUrls: MediaUrls;
  private readonly logger: Logger;

  constructor(deps: { db: Kysely<DB>; mediaUrls: MediaUrls; logger: Logger }) {
    this.db = deps.db;
    this.mediaUrls = deps.mediaUrls;
    this.logger = deps.logger;
  }

  async search(params: SearchParams, origin: string): Promise<{ items: SearchResult[]; total: number }> {
    const page = await searchVideos(this.db, this.request(params));
    if (params.page === 1) this.recordQuery(params.q, page.total);
    return { items: page.rows.map((row) => this.present(row, origin)), total: page.total };
  }

  /**
   * The ids `search` would list on this page, in its order, without building the results: hybrid search
   * fuses them with its own rankings, and says whether this is the first page of its search (`recordQuery`).
   */
  async rankedIds(params: SearchParams, recordQuery: boolean): Promise<string[]> {
    const page = await searchVideoIds(this.db, this.request(params));
    if (recordQuery) this.recordQuery(params.q, page.total);
    return page.ids;
  }

  private request(params: SearchParams) {
    return {
      query: parseSearchQuery(params.q),
      filters: { category: params.category, duration: params.duration, uploaded: params.uploaded, tags: params.tags },
      sort: params.sort,
      limit: params.limit,
      offset: (params.page - 1) * params.limit,
    };
  }

  /**
   * Logged off the request path: the response does not wait for the insert, and a failed insert
   * costs one log line, never the search. Later pages of the same search are not counted again.
   */
  private recordQuery(q: string, resultCount: number): void {
    const normalised = normaliseQuery(q);
    if (!normalised) return;
    logQuery(this.db, normalised, resultCount).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'could not log a search query'),
    );
  }

  present(row: SearchRow, origin: string): SearchResult {
    const thumbnailUrl = row.thumbnail_key
      ? this.mediaUrls.folder({ id: row.id, visibility: row.visibility }, origin).url +
        pathInVideoFolder(row.id, row.thumbnail_key)
      : null;
    return {
      id: row.id,
      title: row.title,
      description: row.description.slice(0, DESCRIPTION_PREVIEW),
      tags: row.tags,
      category: row.category,
      duration: row.duration_seconds,
      views: row.view_count,
      likes: row.like_count,
      thumbnailUrl,
      creator: { id: row.creator_id, username: row.creator_username },
      uploadedAt: toIso(row.published_at),
      highlights: { title: row.title_html, description: row.description_html },
      transcriptMatch:
        row.transcript_text != null && row.transcript_start != null
          ? { text: row.transcript_text, startSeconds: Number(row.transcript_start) }
          : null,
    };
  }

  async autocomplete(q: string): Promise<Suggestion[]> {
    const prefix = q.toLowerCase();
    const lists = await Promise.all([
      titleSuggestions(this.db, prefix, AUTOCOMPLETE_SIZE),
      tagSuggestions(this.db, prefix, AUTOCOMPLETE_SIZE),
      channelSuggestions(this.db, prefix, AUTOCOMPLETE_SIZE),
    ]);
    return interleave(lists, AUTOCOMPLETE_SIZE);
  }

  popular(limit: number) {
    return popularQueries(this.db, limit);
  }

  async zeroResults(limit: number, cursor?: string) {
    const after: ZeroResultCursor | undefined = zeroResultCursor.decodeOptional(cursor);
    const rows = await zeroResultQueries(this.db, limit + 1, after);
    const page = toPage(rows, limit, zeroResultCursor, (row) => ({
      lastSearchedAt: toIso(row.lastSearchedAt),
      query: row.query,
    }));
    return {
      items: page.items.map((row) => ({ ...row, lastSearchedAt: toIso(row.lastSearchedAt) })),
      nextCursor: page.nextCursor,
    };
  }
}
