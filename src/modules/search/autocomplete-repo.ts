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

/** How many trigram candidates the typo pass looks at before ordering them. */
const FUZZY_CANDIDATES = 200;

/**
 * Titles of public ready videos starting with `q`, most viewed first; then, when those do not fill the
 * list and `q` has 3+ characters, titles containing a word similar to `q` (trigram, for typos). The
 * planner serves the prefix either from the prefix index (a rare prefix) or by walking the most viewed
 * videos (`videos_public_popular_idx`) until enough titles match (a short, common one). The typo pass
 * runs only when needed and orders at most FUZZY_CANDIDATES similar titles: a common misspelling
 * resembles thousands.
 */
export async function titleSuggestions(db: Executor, q: string, limit: number): Promise<Suggestion[]> {
  const { rows: byPrefix } = await sql<{ id: string; title: string }>`
    select id, title from videos
    where status = 'ready' and visibility = 'public' and ${notHeldForReview('videos.id')} and lower(title) like ${likePrefix(q)}
    order by view_count desc, id limit ${limit}`.execute(db);
  let rows = byPrefix;
  if (rows.length < limit && q.length >= MIN_FUZZY_LENGTH) {
    const { rows: similar } = await sql<{ id: string; title: string }>`
      select id, title from (
        select id, title, view_count, word_similarity(${q}, lower(title)) as similarity from videos
        where status = 'ready' and visibility = 'public' and ${notHeldForReview('videos.id')} and ${q} <% lower(title) and lower(title) not like ${likePrefix(q)}
        limit ${FUZZY_CANDIDATES}
      ) as candidate
      order by similarity desc, view_count desc, id limit ${limit - rows.length}`.execute(db);
    rows = [...rows, ...similar];
  }
  return rows.map((row) => ({ type: 'video', text: row.title, id: row.id }));
}

/**
 * Known tags starting with `q` that at least one public ready video still carries, shortest first.
 * The candidates are sorted before the (GIN-backed, not free) "still carried" check, and the LIMIT
 * inside keeps the planner from pushing the check below the sort: it then runs only until the list
 * is full.
 */
export async function tagSuggestions(db: Executor, q: string, limit: number): Promise<Suggestion[]> {
  const { rows } = await sql<{ tag: string }>`
    select t.tag from (
      select tag from search_tags where tag like ${likePrefix(q)} order by length(tag), tag limit 1000
    ) as t
    where exists (select 1 from videos v where v.tags @> array[t.tag] and v.status = 'ready' and v.visibility = 'public' and ${notHeldForReview('v.id')})
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
