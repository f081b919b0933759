import { notHeldForReview } from '../moderation/case-repo.ts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

export type SuggestionType = 'video' | 'tag' | 'channel';
export interface Suggestion { type: SuggestionType; text: string; id: string | null }

/** `q` as a LIKE prefix pattern: its own `%`, `_` and `\` match literally. */
const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Below this many characters trigrams say little and would match half the catalogue. */
const MIN_FUZZY_LENGTH = 3;

/**
 * Titles of public ready videos starting with `q` (most viewed first, on the partial prefix index);
 * then, for `q` of 3+ characters, titles containing a word similar to `q` (trigram, for typos).
 */
export async function titleSuggestions(db: Executor, q: string, limit: number): Promise<Suggestion[]> {
  const byPrefix = sql`select id, title, 0 as pass, view_count from videos
    where status = 'ready' and visibility = 'public' and ${notHeldForReview('videos.id')} and lower(title) like ${likePrefix(q)}
    order by view_count desc, id limit ${limit}`;
  const bySimilarity = sql`select id, title, 1 as pass, view_count from videos
    where status = 'ready' and visibility = 'public' and ${notHeldForReview('videos.id')} and ${q} <% lower(title) and lower(title) not like ${likePrefix(q)}
    order by word_similarity(${q}, lower(title)) desc, view_count desc, id limit ${limit}`;
  const candidates = q.length >= MIN_FUZZY_LENGTH ? sql`(${byPrefix}) union all (${bySimilarity})` : byPrefix;
  const { rows } = await sql<{ id: string; title: string }>`
    select id, title from (${candidates}) as candidate order by pass, view_count desc limit ${limit}`.execute(db);
  return rows.map((row) => ({ type: 'video', text: row.title, id: row.id }));
}

/** Known tags starting with `q` that at least one public ready video still carries. */
export async function tagSuggestions(db: Executor, q: string, limit: number): Promise<Suggestion[]> {
  const { rows } = await sql<{ tag: string }>`
    select t.tag from search_tags t
    where t.tag like ${likePrefix(q)}
      and exists (select 1 from videos v where v.tags @> array[t.tag] and v.status = 'ready' and v.visibility = 'public' and ${notHeldForReview('v.id')})
    order by length(t.tag), t.tag
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ type: 'tag', text: row.tag, id: null }));
}

/** Channels (creators and admins who are not banned) whose username starts with `q`; read-only on users. */
export async function channelSuggestions(db: Executor, q: string, limit: number): Promise<Suggestion[]> {
  const { rows } = await sql<{ id: string; username: string }>`
    select id, username from users
    where lower(username) like ${likePrefix(q)} and role in ('creator', 'admin') and banned_at is null
    order by length(username), username
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ type: 'channel', text: row.username, id: row.id }));
}
