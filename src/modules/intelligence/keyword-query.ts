import { sql, type RawBuilder } from 'kysely';
import { isStopWord, words } from '../../platform/ai/local/text-tokens.ts';

/**
 * A `to_tsquery` that matches ANY content word of a natural-language text (a question, a search):
 * retrieval wants recall, ranking then favours segments with more of the words. Only letters and
 * digits reach the tsquery, so user text can never be tsquery syntax. Null when no word is left.
 */
export function anyWordTsQuery(text: string): RawBuilder<unknown> | null {
  const terms = [
    ...new Set(
      words(text)
        .map((word) => word.replace(/'.*$/, ''))
        .filter((word) => word.length > 1 && !isStopWord(word)),
    ),
  ];
  return terms.length === 0 ? null : sql`to_tsquery('english', ${terms.join(' | ')})`;
}
