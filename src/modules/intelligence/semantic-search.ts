import { sql, type Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Ai } from '../../platform/ai/ai.ts';
import type { EmbeddedText } from '../../platform/ai/embedding-batcher.ts';
import type { DB } from '../../platform/db/schema.ts';
import { reciprocalRankFusion } from '../../platform/ai/rank-fusion.ts';
import type { searchQuery, searchResultSchema } from '../search/schemas.ts';
import { PUBLISHED_AT, searchConditions, type SearchFilters } from '../search/search-filters.ts';
import type { SearchRow } from '../search/search-repo.ts';
import type { SearchService } from '../search/service.ts';
import { anyWordTsQuery } from './keyword-query.ts';
import type { VectorIndexes } from './vector-indexes.ts';
import { nearest } from './vector-store.ts';
import { shownThumbnailKeySql } from '../videos/shown-thumbnail.ts';

type SearchParams = z.output<typeof searchQuery>;
type SearchResult = z.output<typeof searchResultSchema>;

/** How deep each ranked list goes before fusion; pages beyond it are not reachable in these modes. */
const CANDIDATES = 100;

/**
 * Query vectors kept for repeated searches: the next page of a search, and the same popular words typed
 * by many viewers, skip the encoder (16–36 ms a query beside a search's other work, on 2 cores). Kept for
 * a while only, so a model that changes (a provider falling back, then recovering) is picked up.
 */
const QUERY_VECTORS = { max: 1000, ttl: 10 * 60_000 };

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * `GET /search?mode=semantic|hybrid`. Semantic fuses two vector rankings (the videos' own embeddings
 * and their best-matching transcript segment); hybrid adds the keyword search over titles, tags and
 * descriptions and a keyword ranking over transcripts, all fused with reciprocal-rank fusion. Filters
 * apply to every list; sorting is by fused relevance.
 */
/**
 * Joins what the keyword search filters on (`video_search s`) to rows keyed by a video id column, with
 * the same conditions, so every search mode shows exactly the videos keyword search may show.
 */
function joinSearchable(filters: SearchFilters, videoIdColumn: string) {
  return sql`join video_search s on s.video_id = ${sql.ref(videoIdColumn)}
    and ${sql.join(searchConditions(filters), sql` and `)}`;
}

export class SemanticSearch {
  private readonly db: Kysely<DB>;
  private readonly keyword: SearchService;
  private readonly ai: Ai;
  private readonly indexes: VectorIndexes;
  private readonly queryVectors = new LRUCache<string, EmbeddedText>(QUERY_VECTORS);

  constructor(deps: { db: Kysely<DB>; keyword: SearchService; ai: Ai; indexes: VectorIndexes }) {
    this.db = deps.db;
    this.keyword = deps.keyword;
    this.ai = deps.ai;
    this.indexes = deps.indexes;
  }

  async search(
    params: SearchParams,
    origin: string,
  ): Promise<{ items: SearchResult[]; total: number; model: string | null }> {
    const filters: SearchFilters = {
      category: params.category,
      duration: params.duration,
      uploaded: params.uploaded,
      tags: params.tags,
    };
    // The meaning and the word rankings need nothing from each other: they run side by side (each on its
    // own pooled connection), so a hybrid search takes as long as its slower half, not the sum.
    const [meaning, words] = await Promise.all([
      params.q.trim() ? this.meaningRankings(params.q, filters) : undefined,
      params.mode === 'hybrid' ? this.wordRankings(params, filters) : undefined,
    ]);
    const lists = [...(meaning?.lists ?? []), ...(words?.lists ?? [])];
    // The transcript line that matched each video: a line with the query's words wins over one close in meaning.
    const matchedLine = new Map(words?.lines ?? []);
    for (const [id, position] of meaning?.lines ?? []) if (!matchedLine.has(id)) matchedLine.set(id, position);
    const fused = reciprocalRankFusion(lists);
    const offset = (params.page - 1) * params.limit;
    const pageIds = fused.slice(offset, offset + params.limit).map((entry) => entry.id);
    const lines = await this.transcriptLines(
      pageIds.flatMap((id) => (matchedLine.has(id) ? [{ id, position: matchedLine.get(id)! }] : [])),
    );
    const items = (await this.present(pageIds, origin)).map((item) => ({
      ...item,
      transcriptMatch: lines.get(item.id) ?? null,
    }));
    return { items, total: fused.length, model: meaning?.model ?? null };
  }

  /** The videos nearest in meaning and the videos whose transcript lines are nearest, with each one's best line. */
  private async meaningRankings(
    q: string,
    filters: SearchFilters,
  ): Promise<{ lists: string[][]; lines: Map<string, number>; model: string }> {
    let query = this.queryVectors.get(q);
    if (!query) {
      query = await this.ai.embeddings.embedNow(q, {});
      this.queryVectors.set(q, query);
    }
    const [videos, transcripts] = await Promise.all([
      this.nearestVideos(query, filters),
      this.nearestTranscripts(query, filters),
    ]);
    return { lists: [videos, transcripts.ids], lines: transcripts.bestLine, model: query.model };
  }

  /** The keyword search's ranking and the videos whose transcript has the query's words, with each one's best line. */
  private async wordRankings(
    params: SearchParams,
    filters: SearchFilters,
  ): Promise<{ lists: string[][]; lines: Map<string, number> }> {
    const [keyword, wordMatches] = await Promise.all([
      this.keyword.rankedIds({ ...params, sort: 'relevance', page: 1, limit: CANDIDATES }, params.page === 1),
      this.transcriptKeywordMatches(params.q, filters),
    ]);
    return {
      lists: [keyword, wordMatches.map((match) => match.id)],
      lines: new Map(wordMatches.map((match) => [match.id, match.position])),
    };
  }

  private async transcriptLines(
    wanted: { id: string; position: number }[],
  ): Promise<Map<string, { text: string; startSeconds: number }>> {
    if (wanted.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('transcript_segments')
      .select(['video_id', 'position', 'text', 'start_seconds'])
      .where((eb) =>
        eb.or(wanted.map((line) => eb.and([eb('video_id', '=', line.id), eb('position', '=', line.position)]))),
      )
      .execute();
    return new Map(rows.map((row) => [row.video_id, { text: row.text, startSeconds: Number(row.start_seconds) }]));
  }

  private async nearestVideos(query: EmbeddedText, filters: SearchFilters): Promise<string[]> {
    const candidates = sql`select e.video_id::text as id, e.video_id, e.embedding from video_embeddings e ${joinSearchable(filters, 'e.video_id')}
      where e.model = ${query.model} and e.model_version = ${query.version}`;
    const ann = {
      indexes: this.indexes,
      kind: 'videos' as const,
      model: { name: query.model, version: query.version },
      passing: (videoIds?: string[]) => sql`select s.video_id::text as id from video_search s
        where ${sql.join([...(videoIds ? [sql`s.video_id = any(${videoIds}::uuid[])`] : []), ...searchConditions(filters)], sql` and `)}`,
    };
    return (await nearest(this.db, candidates, query.vector, CANDIDATES, ann)).map((hit) => hit.id);
  }

  /** Segments are ranked, then each video keeps the rank (and the position) of its best segment. */
  private async nearestTranscripts(
    query: EmbeddedText,
    filters: SearchFilters,
  ): Promise<{ ids: string[]; bestLine: Map<string, number> }> {
    const candidates = sql`select e.video_id::text || ':' || e.position as id, e.video_id, e.embedding from segment_embeddings e ${joinSearchable(filters, 'e.video_id')}
      where e.model = ${query.model} and e.model_version = ${query.version}`;
    const ann = {
      indexes: this.indexes,
      kind: 'segments' as const,
      model: { name: query.model, version: query.version },
    };
    const hits = await nearest(this.db, candidates, query.vector, CANDIDATES * 5, ann);
    const bestLine = new Map<string, number>();
    for (const hit of hits) {
      const [videoId, position] = hit.id.split(':') as [string, string];
      if (!bestLine.has(videoId)) bestLine.set(videoId, Number(position));
    }
    return { ids: [...bestLine.keys()].slice(0, CANDIDATES), bestLine };
  }

  /** Videos whose transcript has the query's words, best first, each with its best-ranked line. */
  private async transcriptKeywordMatches(
    q: string,
    filters: SearchFilters,
  ): Promise<{ id: string; position: number }[]> {
    const tsquery = anyWordTsQuery(q);
    if (!tsquery) return [];
    const { rows } = await sql<{ id: string; position: number; rank: number }>`
      select distinct on (t.video_id) t.video_id as id, t.position, ts_rank(t.document, ${tsquery}) as rank
      from transcript_segments t ${joinSearchable(filters, 't.video_id')}
      where t.document @@ ${tsquery}
      order by t.video_id, ts_rank(t.document, ${tsquery}) desc, t.position`.execute(this.db);
    return rows
      .sort((a, b) => Number(b.rank) - Number(a.rank) || a.id.localeCompare(b.id))
      .slice(0, CANDIDATES)
      .map((row) => ({ id: row.id, position: Number(row.position) }));
  }

  /** Results in the keyword search's shape; highlights are the escaped text (no keyword marks in these modes). */
  private async present(ids: string[], origin: string): Promise<SearchResult[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<Omit<SearchRow, 'title_html' | 'description_html'>>`
      select v.id, v.title, v.description, v.tags, v.category, v.duration_seconds, v.view_count, v.like_count,
             ${shownThumbnailKeySql('v')} as thumbnail_key,
             v.visibility, ${PUBLISHED_AT} as published_at, u.id as creator_id, u.username as creator_username
      from videos v join video_search s on s.video_id = v.id join users u on u.id = v.creator_id where v.id in (${sql.join(ids)})`.execute(
      this.db,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        this.keyword.present(
          { ...row, title_html: escapeHtml(row.title), description_html: escapeHtml(row.description.slice(0, 200)) },
          origin,
        ),
      ];
    });
  }
}
