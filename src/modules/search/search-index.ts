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
