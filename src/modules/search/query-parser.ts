/**
 * Turns what a viewer typed into a PostgreSQL tsquery string that is safe to hand to
 * `to_tsquery('english', …)`: only letters and digits survive inside a term, each term is quoted, so
 * no user character can act as a tsquery operator (`& | ! : * ( ) <->`).
 *
 * Supported: words (AND-ed), `"quoted phrases"` (`<->`), `-word` / `-"phrase"` exclusion, and a prefix
 * match (`:*`) on the last word when it is a plain word, so results appear while the viewer types.
 */
export interface ParsedQuery {
  /** tsquery text, or null when nothing positive remains (only exclusions, or only punctuation). */
  tsquery: string | null;
  /** The positive words in order, space-separated: the input for trigram similarity. */
  plainText: string;
  /** Only plain words: phrases and exclusions ask for exactness, so they get no typo fallback. */
  typoTolerant: boolean;
}

interface Term {
  words: string[];
  negated: boolean;
  quoted: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const TERM = /(-?)(?:"([^"]*)"?|(\S+))/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function parseTerms(input: string): Term[] {
  const terms: Term[] = [];
  for (const match of input.matchAll(TERM)) {
    const [, minus, phrase, bare] = match;
    const quoted = phrase !== undefined;
    const words = wordsOf(quoted ? phrase : (bare ?? ''));
    if (words.length > 0) terms.push({ words, negated: minus === '-', quoted });
  }
  return terms;
}

const lexeme = (word: string) => `'${word}'`;

function termToTsquery(term: Term, prefix: boolean): string {
  if (term.words.length === 1) return `${lexeme(term.words[0]!)}${prefix ? ':*' : ''}`;
  // A bare word like "c++-tutorial" splits into several lexemes; they must still follow each other.
  return `(${term.words.map(lexeme).join(' <-> ')})`;
}

export function parseSearchQuery(input: string): ParsedQuery {
  const terms = parseTerms(input);
  const positive = terms.filter((term) => !term.negated);
  if (positive.length === 0) return { tsquery: null, plainText: '', typoTolerant: false };
  const last = terms[terms.length - 1];
  const parts = terms.map((term) => {
    const prefix = term === last && !term.negated && !term.quoted && term.words.length === 1;
    const text = termToTsquery(term, prefix);
    return term.negated ? `!${text}` : text;
  });
  return {
    tsquery: parts.join(' & '),
    plainText: positive.flatMap((term) => term.words).join(' '),
    typoTolerant: terms.every((term) => !term.negated && !term.quoted),
  };
}

/** The form a query is logged and counted under: lower-case, single spaces, at most 100 characters. */
export function normaliseQuery(input: string): string {
  return input.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 100);
}
