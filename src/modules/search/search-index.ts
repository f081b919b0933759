import { sql, type RawBuilder } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';

/** A video_search row from its video `v`: the same values the videos_search_sync trigger writes. */
const SEARCH_COLUMNS = sql`video_id, document, searchable, published_at, category, duration_seconds, tags`;
const searchRowOf = sql`v.id, video_search_document(v.title, v.tags, v.description),
  v.status = 'ready' and v.visibility = 'public', coalesce(v.uploaded_at, v.created_at), v.category, v.duration_seconds, v.tags`;

/** A title_suggestions row from its video `v`, for findable videos only: what videos_suggestions_sync writes. */
const SUGGESTION_COLUMNS = sql`video_id, title, title_key, words, view_count`;
const suggestionRowOf = sql`v.id, v.title, lower(v.title), array(select title_words(v.title)), v.view_count`;
const FINDABLE = sql`v.status = 'ready' and v.visibility = 'public'`;
const UNINDEXED = sql`not exists (select 1 from video_search s where s.video_id = v.id)`;

/** The (tag, video) rows of findable videos `v` matching `where`: what videos_suggestions_sync writes. */
const findableTagsOf = (where: RawBuilder<unknown>) =>
  sql`select distinct lower(tag), v.id from videos v, unnest(v.tags) as tag where ${FINDABLE} and ${where}`;

/**
 * Recomputes the whole search projection from `videos`: every document (with the same SQL function
 * the trigger uses), the columns search filters on, autocomplete's titles and tags, and the known tags and title
 * words. Safe to run at any time; it is one transaction, so searches see either the old index or the
 * new one.
 */
export async function rebuildSearchIndex(db: Executor): Promise<{ documents: number; tags: number }> {
  return inTransaction(db, async (trx) => {
    await sql`delete from video_search`.execute(trx);
    const documents =
      await sql`insert into video_search (${SEARCH_COLUMNS}) select ${searchRowOf} from videos v`.execute(trx);
    await sql`delete from search_tags`.execute(trx);
    const tags = await sql`insert into search_tags (tag)
      select distinct lower(tag) from videos, unnest(tags) as tag`.execute(trx);
    await sql`delete from search_words`.execute(trx);
    await sql`insert into search_words (word) select distinct title_words(title) from videos`.execute(trx);
    await sql`delete from title_suggestions`.execute(trx);
    await sql`insert into title_suggestions (${SUGGESTION_COLUMNS}) select ${suggestionRowOf} from videos v
      where ${FINDABLE}`.execute(trx);
    await sql`delete from search_tag_videos`.execute(trx);
    await sql`insert into search_tag_videos (tag, video_id) ${findableTagsOf(sql`true`)}`.execute(trx);
    return { documents: Number(documents.numAffectedRows ?? 0), tags: Number(tags.numAffectedRows ?? 0) };
  });
}

/**
 * Indexes, in a few statements, every video that has no search row: what a bulk load leaves behind when
 * it switches the per-row triggers off for its own transactions (`streamhub seed`). Its tags and title
 * words join the known ones, and its title and tags join autocomplete's when the video is findable. Idempotent;
 * far cheaper than the triggers row by row on a large load.
 */
export async function indexUnindexedVideos(db: Executor): Promise<{ documents: number; tags: number }> {
  return inTransaction(db, async (trx) => {
    const tags = await sql`insert into search_tags (tag)
      select distinct lower(tag) from videos v, unnest(v.tags) as tag
      where ${UNINDEXED}
      on conflict (tag) do nothing`.execute(trx);
    await sql`insert into search_words (word)
      select distinct title_words(v.title) from videos v
      where ${UNINDEXED}
      on conflict (word) do nothing`.execute(trx);
    await sql`insert into title_suggestions (${SUGGESTION_COLUMNS})
      select ${suggestionRowOf} from videos v
      where ${FINDABLE} and ${UNINDEXED}
      on conflict (video_id) do nothing`.execute(trx);
    await sql`insert into search_tag_videos (tag, video_id) ${findableTagsOf(UNINDEXED)}
      on conflict do nothing`.execute(trx);
    // Oldest first, so the table's physical order follows publication as it does when videos arrive one
    // by one: walking the newest matches (search's candidates) then reads neighbouring pages.
    const documents = await sql`insert into video_search (${SEARCH_COLUMNS})
      select ${searchRowOf} from videos v
      where ${UNINDEXED}
      order by coalesce(v.uploaded_at, v.created_at), v.id
      on conflict (video_id) do nothing`.execute(trx);
    return { documents: Number(documents.numAffectedRows ?? 0), tags: Number(tags.numAffectedRows ?? 0) };
  });
}
