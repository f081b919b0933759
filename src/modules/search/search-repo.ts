import { sql, type RawBuilder } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import { searchConditions, type SearchFilters, type SearchSort } from './search-filters.ts';
import { parseSearchQuery, type ParsedQuery } from './query-parser.ts';
import { correctWords } from './spelling-repo.ts';
import { shownThumbnailKeySql } from '../videos/shown-thumbnail.ts';

/** Fewer full-text hits than this and titles similar to the query (typos) are merged in. */
const TYPO_FALLBACK_BELOW = 3;

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
  /** The transcript line that matched the query best, when the transcript matched. */
  transcript_text?: string | null;
  transcript_start?: number | null;
}

export interface SearchPage {
  rows: SearchRow[];
  total: number;
}

interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  sort: SearchSort;
  limit: number;
  offset: number;
}

const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` and `);

/** HTML-escapes in SQL, so ts_headline's `<mark>` tags are the only markup in a highlight. */
const escapedHtml = (column: RawBuilder<unknown>) =>
  sql`replace(replace(replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

const MARK = 'StartSel=<mark>, StopSel=</mark>';

/**
 * Transcripts count for less than titles, tags and descriptions: a transcript segment's tsvector has the
 * lowest weight (D, 0.1 in ts_rank) and its best segment's rank is halved again, so a video that says
 * the words ranks below one that is about them, yet is still found (hybrid mode, spoken words).
 */
const TRANSCRIPT_WEIGHT = 0.5;

/** The videos whose transcript has the query's words (GIN index on transcript_segments.document). */
const spokenMatch = (query: RawBuilder<unknown>) =>
  sql`s.video_id in (select t.video_id from transcript_segments t where t.document @@ ${query})`;

/** The best rank of a candidate's transcript segments, weighted. */
const spokenRank = (query: RawBuilder<unknown>) =>
  sql`${TRANSCRIPT_WEIGHT}::real * coalesce((select max(ts_rank(t.document, ${query})) from transcript_segments t
      where t.video_id = c.id and t.document @@ ${query}), 0)`;

/**
 * A search considers at most this many matches: the newest ones for relevance and -uploaded_at, the
 * most viewed for -views. Ranking (ts_rank) and counting every match of a common word took hundreds of
 * milliseconds on 200,000 videos (a fifth of the catalogue matches "recipe"); with the cap both stay
 * bounded whatever the query, and `total` is the number of those candidates. Like other video sites,
 * no search pages further than that (50 pages of 20).
 */
export const MAX_RESULTS = 1000;

/** One ORDER BY key: computed once per candidate, carried out of the page, sorted on again after the joins. */
interface SortKey {
  expression: RawBuilder<unknown>;
  descending: boolean;
}

const id = { expression: sql`c.id`, descending: false };

/** The order of the page, over the candidates `c`; `exact` and `ranked` are tsquery expressions. */
function sortKeys(
  sort: SearchSort,
  exact: RawBuilder<unknown> | null,
  ranked: RawBuilder<unknown>,
  withWords: boolean,
): SortKey[] {
  if (sort === '-views') return [{ expression: sql`c.view_count`, descending: true }, id];
  if (sort === '-uploaded_at') return [{ expression: sql`c.published_at`, descending: true }, id];
  return [
    // What the viewer typed before what a corrected spelling found.
    ...(exact ? [{ expression: sql`c.document @@ ${exact}`, descending: true }] : []),
    {
      expression: withWords
        ? sql`ts_rank(c.document, ${ranked}) + ${spokenRank(ranked)}`
        : sql`ts_rank(c.document, ${ranked})`,
      descending: true,
    },
    { expression: sql`c.published_at`, descending: true },
    id,
  ];
}

const direction = (key: SortKey) => (key.descending ? sql`desc` : sql`asc`);
const tsquery = (text: string | null) => sql`to_tsquery('english', ${text ?? ''})`;

/**
 * One page of matches and their total. With no positive words it lists by the filters alone (and
 * the exclusions). Full-text first; when that finds fewer than TYPO_FALLBACK_BELOW videos and the query
 * is plain words, misspelt words are corrected to the closest words used in titles (`correctWords`) and
 * what the corrected query finds follows the text matches.
 */
export function searchVideos(db: Executor, request: SearchRequest): Promise<SearchPage> {
  return searchWith<SearchRow>(db, request, resultColumns);
}

/**
 * The ids of one page of matches, in order, as searchVideos ranks them, without building the results
 * (highlights, creators, transcript lines): hybrid search fuses 100 of them with its meaning rankings and
 * shows only its own page.
 */
export async function searchVideoIds(db: Executor, request: SearchRequest): Promise<{ ids: string[]; total: number }> {
  const page = await searchWith<{ id: string }>(db, request, () => sql`page.id from page`);
  return { ids: page.rows.map((row) => row.id), total: page.total };
}

function searchWith<Row extends { id: string }>(
  db: Executor,
  request: SearchRequest,
  select: PageSelect,
): Promise<{ rows: Row[]; total: number }> {
  return inTransaction(db, async (trx) => {
    // Each statement touches at most a few thousand rows: starting parallel workers costs more than
    // they save, and far more on a busy machine (measured: ~80 ms of a 140 ms query at load 9).
    await sql`select set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
    const typed = tsquery(request.query.tsquery);
    const textOnly = await searchPage<Row>(trx, request, typed, null, select);
    if (!request.query.typoTolerant || textOnly.total >= TYPO_FALLBACK_BELOW) return textOnly;
    const corrected = await correctWords(trx, request.query.plainText.split(' '));
    const correctedQuery = corrected && parseSearchQuery(corrected.join(' ')).tsquery;
    if (!correctedQuery) return textOnly;
    return searchPage<Row>(trx, request, tsquery(`(${request.query.tsquery}) | (${correctedQuery})`), typed, select);
  });
}

/** What a page's statement selects, from its `page` rows (id, published_at, the sort keys as k0, k1, …). */
type PageSelect = (query: RawBuilder<unknown>, withWords: boolean) => RawBuilder<unknown>;

/** A search result's columns: the video, its creator, highlights and the best transcript line. */
const resultColumns: PageSelect = (query, withWords) => {
  // The line to show under a result: the best-ranked transcript segment with the query's words.
  const spokenLine = withWords
    ? sql`left join lateral (select t.text, t.start_seconds from transcript_segments t
          where t.video_id = v.id and t.document @@ ${query}
          order by ts_rank(t.document, ${query}) desc, t.position limit 1) line on true`
    : sql``;
  return sql`v.id, v.title, v.description, v.tags, v.category, v.duration_seconds, v.view_count, v.like_count,
           ${shownThumbnailKeySql('v')} as thumbnail_key, v.visibility, page.published_at, u.id as creator_id, u.username as creator_username,
           ts_headline('english', ${escapedHtml(sql`v.title`)}, ${query}, ${`${MARK}, HighlightAll=true`}) as title_html,
           ts_headline('english', ${escapedHtml(sql`v.description`)}, ${query},
                       ${`${MARK}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) as description_html
           ${withWords ? sql`, line.text as transcript_text, line.start_seconds as transcript_start` : sql``}
    from page join videos v on v.id = page.id join users u on u.id = v.creator_id ${spokenLine}`;
};

/**
 * One statement: the candidates, their count (`count(*) over ()`, before the page is cut), the page by
 * ORDER BY … LIMIT, and only then the joins and ts_headline for the page's rows.
 *
 * Candidates are at most MAX_RESULTS matches read from video_search alone: for relevance and
 * -uploaded_at the newest ones (the planner either walks the newest findable videos testing each, which
 * stops early for a common word and reads neighbouring pages since the table's order follows
 * publication, or takes the GIN index and a top-N sort for a rare word). For -views the candidates are
 * the pages up to this one, taken in view order (walking videos_public_popular_idx for a common word,
 * the GIN index and a sort for a rare one), and the total is counted on its own (up to MAX_RESULTS),
 * since walking the most viewed videos a thousand deep would visit thousands of random pages.
 */
async function searchPage<Row extends { id: string }>(
  db: Executor,
  request: SearchRequest,
  query: RawBuilder<unknown>,
  exact: RawBuilder<unknown> | null,
  select: PageSelect,
): Promise<{ rows: Row[]; total: number }> {
  const conditions = searchConditions(request.filters);
  const withWords = request.query.tsquery !== null && request.query.tsquery !== '';
  const byViews = request.sort === '-views';
  // Implied by s.searchable, but said of v it lets the planner walk videos_public_popular_idx (partial).
  const findable = byViews ? [sql`v.status = 'ready'`, sql`v.visibility = 'public'`] : [];
  const where = (match: RawBuilder<unknown>) => and([...conditions, ...findable, match]);
  const from = sql`video_search s ${byViews ? sql`join videos v on v.id = s.video_id` : sql``}`;
  const keys = sortKeys(request.sort, exact, query, withWords);
  const keyColumns = keys.map((key, i) => sql`${key.expression} as ${sql.ref(`k${i}`)}`);
  const innerOrder = sql.join(keys.map((key, i) => sql`${sql.ref(`k${i}`)} ${direction(key)}`));
  const outerOrder = sql.join(keys.map((key, i) => sql`${sql.ref(`page.k${i}`)} ${direction(key)}`));
  const newest = (match: RawBuilder<unknown>) =>
    sql`(select s.video_id as id, s.published_at from ${from} where ${where(match)}
         order by s.published_at desc, s.video_id limit ${MAX_RESULTS})`;
  // The metadata matches and the transcript matches, each found through its own GIN index, then merged:
  // one `document @@ … or <transcript match>` condition could use neither, so a rare word sorted by views
  // walked the most viewed videos until the page was full (1–2 s for "bahamas", page 3, on 200,000 videos).
  const eachMatchThenMerged = (
    top: (match: RawBuilder<unknown>) => RawBuilder<unknown>,
    order: string,
    limit: number,
  ) =>
    withWords
      ? sql`select id, ${sql.ref(order)} from (${top(sql`s.document @@ ${query}`)} union ${top(spokenMatch(query))}) m
          order by ${sql.ref(order)} desc, id limit ${limit}`
      : sql`select id, ${sql.ref(order)} from ${top(sql`true`)} m`;
  const matchIds = eachMatchThenMerged(newest, 'published_at', MAX_RESULTS);
  const viewedNeeded = Math.min(request.offset + request.limit, MAX_RESULTS);
  const mostViewed = (match: RawBuilder<unknown>) =>
    sql`(select s.video_id as id, v.view_count from ${from} where ${where(match)}
         order by v.view_count desc, v.id limit ${viewedNeeded})`;
  const viewedIds = eachMatchThenMerged(mostViewed, 'view_count', viewedNeeded);
  const candidates = byViews
    ? sql`select s.video_id as id, s.document, s.published_at, m.view_count from (${viewedIds}) m
          join video_search s on s.video_id = m.id`
    : sql`select s.video_id as id, s.document, s.published_at from (${matchIds}) m join video_search s on s.video_id = m.id`;
  const counted = async () => {
    const {
      rows: [row],
    } = await sql<{ n: number }>`select count(*)::int as n from (${matchIds}) as candidate`.execute(db);
    return row?.n ?? 0;
  };
  const { rows } = await sql<Row & { total: number }>`
    with candidates as (${candidates}), page as (
      select c.id, c.published_at, ${sql.join(keyColumns)}, count(*) over () as total
      from candidates c
      order by ${innerOrder}
      limit ${request.limit} offset ${Math.min(request.offset, MAX_RESULTS)}
    )
    select page.total::int as total, ${select(query, withWords)}
    order by ${outerOrder}`.execute(db);
  const items = rows.map(({ total: _total, ...row }) => row as unknown as Row);
  if (byViews) return { rows: items, total: await counted() };
  if (rows.length > 0) return { rows: items, total: rows[0]!.total };
  // No row: nothing matches, or the page is past the last one (then the total still has to be told).
  return { rows: [], total: request.offset === 0 ? 0 : await counted() };
}
