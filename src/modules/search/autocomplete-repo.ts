import { notHeldForReview } from '../moderation/held-for-review.ts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

export type SuggestionType = 'video' | 'tag' | 'channel';
export interface Suggestion {
  type: SuggestionType;
  text: string;
  id: string | null;
}

/** `q` as a LIKE prefix pattern: its own `%`, `_` and `\` match literally. */
const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Below this many characters trigrams say little and would match half the catalogue. */
const MIN_FUZZY_LENGTH = 3;

const toSuggestion = (row: { id: string; title: string }): Suggestion => ({
  type: 'video',
  text: row.title,
  id: row.id,
});

/** How many known title words like the typed text the typo pass looks for titles with. */
const SIMILAR_WORDS = 3;

/**
 * Titles of public ready videos starting with `q`, most viewed first; then, when those do not fill the
 * list and `q` has 3+ characters, the most viewed titles with one of the known title words most like `q`
 * (pg_trgm word similarity against `search_words`, for typos and for a word typed from its middle).
 * Both read title_suggestions (migration 0080), one narrow row per findable video, never the wide videos
 * table: the planner serves the prefix from the prefix index (a rare prefix) or by walking the most
 * viewed rows until enough titles match (a short, common one), and the words the same way through
 * their GIN index or that walk. The similar words are looked up first, on their own, so the titles'
 * statement is planned for those very words.
 */
export async function titleSuggestions(db: Executor, q: string, limit: number): Promise<Suggestion[]> {
  const notHeld = notHeldForReview('t.video_id');
  const { rows: byPrefix } = await sql<{ id: string; title: string }>`
    select video_id as id, title from title_suggestions t
    where t.title_key like ${likePrefix(q)} and ${notHeld}
    order by t.view_count desc, t.video_id limit ${limit}`.execute(db);
  if (byPrefix.length >= limit || q.length < MIN_FUZZY_LENGTH) return byPrefix.map(toSuggestion);
  const { rows: similar } = await sql<{ word: string }>`
    select word from search_words where ${q} <% word
    order by word_similarity(${q}, word) desc, word limit ${SIMILAR_WORDS}`.execute(db);
  if (similar.length === 0) return byPrefix.map(toSuggestion);
  // Titles the prefix pass listed already are dropped here rather than excluded in SQL: a `not like`
  // there hid from the planner that every title with "full" starts with it, and it walked all 180,000.
  const { rows: bySimilarWord } = await sql<{ id: string; title: string }>`
    select video_id as id, title from title_suggestions t
    where t.words && ${sql.val(similar.map((row) => row.word))}::text[] and ${notHeld}
    order by t.view_count desc, t.video_id limit ${limit}`.execute(db);
  const listed = new Set(byPrefix.map((row) => row.id));
  const more = bySimilarWord.filter((row) => !listed.has(row.id));
  return [...byPrefix, ...more].slice(0, limit).map(toSuggestion);
}

/**
 * Known tags starting with `q` that at least one public ready video still carries, shortest first.
 * The candidates are sorted before the "still carried" check, and the LIMIT inside keeps the planner
 * from pushing the check below the sort: it then runs only until the list is full. The check is a
 * btree probe of search_tag_videos (migration 0080), whatever the tag's number of videos.
 */
export async function tagSuggestions(db: Executor, q: string, limit: number): Promise<Suggestion[]> {
  const { rows } = await sql<{ tag: string }>`
    select t.tag from (
      select tag from search_tags where tag like ${likePrefix(q)} order by length(tag), tag limit 1000
    ) as t
    where exists (select 1 from search_tag_videos carried where carried.tag = t.tag and ${notHeldForReview('carried.video_id')})
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ type: 'tag', text: row.tag, id: null }));
}

/**
 * Channels (creators and admins who are not banned) whose username starts with `q`; read-only on users.
 * The partial index users_channel_prefix_idx (0012) holds exactly these accounts.
 */
export async function channelSuggestions(db: Executor, q: string, limit: number): Promise<Suggestion[]> {
  const { rows } = await sql<{ id: string; username: string }>`
    select id, username from users
    where lower(username) like ${likePrefix(q)} and role in ('creator', 'admin') and banned_at is null
    order by length(username), username
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ type: 'channel', text: row.username, id: row.id }));
}
