import { sql, type RawBuilder } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import { PUBLISHED_AT, searchConditions, type SearchFilters, type SearchSort } from './search-filters.ts';
import type { ParsedQuery } from './query-parser.ts';

/** Fewer full-text hits than this and titles similar to the query (typos) are merged in. */
const TYPO_FALLBACK_BELOW = 3;
/** How alike (pg_trgm word similarity) a title must be to the query to count as a typo match. */
const TYPO_SIMILARITY = 0.4;

export interface SearchRow {
  id: string;
  title: string;
  description: string;
  tags: string[];
  category: string | null;
  duration_seconds: number | null;
  view_count: number;
  like_count: number;
  thumbnail_key: string | null;
  visibility: 'public';
  published_at: Date;
  creator_id: string;
  creator_username: string;
  title_html: string;
  description_html: string;
}

export interface SearchPage { rows: SearchRow[]; total: number }

interface SearchRequest { query: ParsedQuery; filters: SearchFilters; sort: SearchSort; limit: number; offset: number }

const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` and `);

/** HTML-escapes in SQL, so ts_headline's `<mark>` tags are the only markup in a highlight. */
const escapedHtml = (column: RawBuilder<unknown>) =>
  sql`replace(replace(replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

const MARK = 'StartSel=<mark>, StopSel=</mark>';

interface RankExpressions { textMatch: RawBuilder<unknown>; rank: RawBuilder<unknown>; similarity: RawBuilder<unknown> }

function orderBy(sort: SearchSort, { textMatch, rank, similarity }: RankExpressions): RawBuilder<unknown> {
  if (sort === '-views') return sql`v.view_count desc, v.id`;
  if (sort === '-uploaded_at') return sql`${PUBLISHED_AT} desc, v.id`;
  return sql`(${textMatch}) desc, ${rank} desc, ${similarity} desc, ${PUBLISHED_AT} desc, v.id`;
}

/**
 * One page of matches and their total. With no positive words it lists by the filters alone (and
 * the exclusions). Full-text first; when that finds fewer than TYPO_FALLBACK_BELOW videos and the query
 * is plain words, titles similar to the words (trigram word similarity, indexed) are merged in after
 * the text matches.
 */
export async function searchVideos(db: Executor, request: SearchRequest): Promise<SearchPage> {
  const tsquery = sql`to_tsquery('english', ${request.query.tsquery ?? ''})`;
  const conditions = searchConditions(request.filters);
  const textMatch = request.query.tsquery ? sql`s.document @@ ${tsquery}` : sql`true`;
  const hasWords = request.query.plainText.length > 0;

  return inTransaction(db, async (trx) => {
    let match = textMatch;
    if (request.query.typoTolerant) {
      const found = await countMatches(trx, and([...conditions, textMatch]));
      if (found < TYPO_FALLBACK_BELOW) {
        await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`.execute(trx);
        match = sql`(${textMatch} or ${request.query.plainText} <% lower(v.title))`;
      }
    }
    const where = and([...conditions, match]);
    const total = await countMatches(trx, where);
    if (total === 0 || request.offset >= total) return { rows: [], total };
    const similarity = hasWords ? sql`word_similarity(${request.query.plainText}, lower(v.title))` : sql`0`;
    const order = orderBy(request.sort, { textMatch, rank: sql`ts_rank(s.document, ${tsquery})`, similarity });
    const { rows } = await sql<SearchRow>`
      with page as (
        select v.id, ${PUBLISHED_AT} as published_at, row_number() over (order by ${order}) as position
        from videos v join video_search s on s.video_id = v.id
        where ${where}
        order by position
        limit ${request.limit} offset ${request.offset}
      )
      select v.id, v.title, v.description, v.tags, v.category, v.duration_seconds, v.view_count, v.like_count,
             v.thumbnail_key, v.visibility, page.published_at, u.id as creator_id, u.username as creator_username,
             ts_headline('english', ${escapedHtml(sql`v.title`)}, ${tsquery}, ${`${MARK}, HighlightAll=true`}) as title_html,
             ts_headline('english', ${escapedHtml(sql`v.description`)}, ${tsquery},
                         ${`${MARK}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) as description_html
      from page join videos v on v.id = page.id join users u on u.id = v.creator_id
      order by page.position`.execute(trx);
    return { rows, total };
  });
}

async function countMatches(db: Executor, where: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from videos v join video_search s on s.video_id = v.id where ${where}`.execute(db);
  return rows[0]?.n ?? 0;
}
