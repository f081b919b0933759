import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

/**
 * How alike (pg_trgm similarity) a known title word must be to a typed word to replace it: pg_trgm's own
 * default. Two swapped letters in the middle of a word ("tutorail") keep about 0.38 of its trigrams;
 * only unknown words are corrected, and only to the most similar known word.
 */
const CORRECTION_SIMILARITY = 0.3;

/**
 * Each typed word that no title uses, replaced by the most similar word that titles do use
 * (`search_words`, trigram similarity ≥ 0.3, indexed); words of fewer than 3 characters and known words
 * stay. Null when nothing changed. Sets the similarity threshold for the caller's transaction only.
 */
export async function correctWords(db: Executor, words: string[]): Promise<string[] | null> {
  if (words.length === 0) return null;
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(CORRECTION_SIMILARITY)}, true)`.execute(db);
  const { rows } = await sql<{ typed: string; best: string | null }>`
    select q.word as typed,
      case when length(q.word) < 3 or exists (select 1 from search_words w where w.word = q.word) then q.word
           else (select w.word from search_words w where w.word % q.word
                 order by similarity(w.word, q.word) desc, w.word limit 1)
      end as best
    from unnest(${sql.val(words)}::text[]) with ordinality as q(word, n)
    order by q.n`.execute(db);
  const corrected = rows.map((row) => row.best ?? row.typed);
  return corrected.some((word, i) => word !== words[i]) ? corrected : null;
}
