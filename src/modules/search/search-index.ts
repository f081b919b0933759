import { sql } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';

/**
 * Recomputes the whole search projection from `videos`: every document (with the same SQL function
 * the trigger uses) and the set of known tags. Safe to run at any time; it is one transaction, so
 * searches see either the old index or the new one.
 */
export async function rebuildSearchIndex(db: Executor): Promise<{ documents: number; tags: number }> {
  return inTransaction(db, async (trx) => {
    await sql`delete from video_search`.execute(trx);
    const documents = await sql`insert into video_search (video_id, document)
      select id, video_search_document(title, tags, description) from videos`.execute(trx);
    await sql`delete from search_tags`.execute(trx);
    const tags = await sql`insert into search_tags (tag)
      select distinct lower(tag) from videos, unnest(tags) as tag`.execute(trx);
    return { documents: Number(documents.numAffectedRows ?? 0), tags: Number(tags.numAffectedRows ?? 0) };
  });
}

/**
 * Indexes, in two statements, every video that has no search document: what a bulk load leaves behind
 * when it switches the per-row trigger off for its own transactions (`streamhub seed`). Its tags join
 * the known tags. Idempotent; far cheaper than the trigger row by row on a large load.
 */
export async function indexUnindexedVideos(db: Executor): Promise<{ documents: number; tags: number }> {
  return inTransaction(db, async (trx) => {
    const tags = await sql`insert into search_tags (tag)
      select distinct lower(tag) from videos v, unnest(v.tags) as tag
      where not exists (select 1 from video_search s where s.video_id = v.id)
      on conflict (tag) do nothing`.execute(trx);
    const documents = await sql`insert into video_search (video_id, document)
      select v.id, video_search_document(v.title, v.tags, v.description) from videos v
      where not exists (select 1 from video_search s where s.video_id = v.id)
      on conflict (video_id) do nothing`.execute(trx);
    return { documents: Number(documents.numAffectedRows ?? 0), tags: Number(tags.numAffectedRows ?? 0) };
  });
}
