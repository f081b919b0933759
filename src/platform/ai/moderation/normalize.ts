/*
 * Undoes the usual ways people disguise words from a filter before any lexicon lookup: accents and
 * look-alike letters (fück, Cyrillic а), l33t digits and symbols (1d10t, $h1t), separators inside a word
 * (f.u.c.k, s-h-i-t), spelled-out letters (f u c k) and stretched letters (stuuupid). Each token keeps the
 * text it came from, so reasons can quote what was actually written.
 */

export interface Token {
  /** Lower-case letters (and digits that are not l33t) after de-obfuscation. */
  word: string;
  /** Lower-case without the l33t reading, for words that really contain digits ("sub4sub", "2fa"). */
  plain: string;
  /** As written, for reasons shown to moderators. */
  original: string;
  /** The word only matched after undoing a disguise (l33t, separators, spacing, masking). */
  disguised: boolean;
  /** `*` or `#` stood for letters (sh*t): matched against the lexicon as a wildcard. */
  masked: boolean;
  /** Joined from letters written one by one ("u r s t u p i d"): word boundaries are lost, so terms match anywhere in it. */
  spelledOut: boolean;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
  '€': 'e',
  '£': 'l',
};

/** Cyrillic and Greek letters that render like Latin ones; NFKD leaves them alone. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  к: 'k',
  м: 'm',
  т: 't',
  н: 'h',
  α: 'a',
  ε: 'e',
  ο: 'o',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  τ: 't',
  υ: 'u',
};

const SEPARATORS = /[.\-_'’~^]/g;
const MASKS = /[*#]/;

function foldCharacters(text: string): string {
  return [...text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()]
    .map((char) => HOMOGLYPHS[char] ?? char)
    .join('');
}

/** A raw chunk between spaces -> its de-obfuscated word, or undefined when nothing word-like is left. */
function readChunk(chunk: string): Token | undefined {
  const original = chunk;
  // Sentence punctuation around a word is not part of it (but "$" and "@" at the start may be l33t).
  const trimmed = chunk.replace(/^[^\p{L}\p{N}$@*#]+|[^\p{L}\p{N}*#]+$/gu, '');
  if (!trimmed) return undefined;
  const hasLetter = /\p{L}/u.test(trimmed);
  // A pure number ("2024", "100") stays a number; l33t needs at least one real letter beside it.
  const unleeted = hasLetter ? [...trimmed].map((char) => LEET[char] ?? char).join('') : trimmed;
  const joined = unleeted.replace(SEPARATORS, '');
  const masked = MASKS.test(joined) && hasLetter;
  const word = joined.replace(/[^\p{L}\p{N}*#]/gu, '');
  if (!word) return undefined;
  const plain = trimmed.replace(/[^\p{L}\p{N}]/gu, '');
  return { word, plain, original, disguised: word !== plain || masked, masked, spelledOut: false };
}

/** "f u c k" and "f-u-c-k" -> one token: three or more single letters in a row are one spelled-out word. */
function joinSpelledOut(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length >= 3) {
      const word = run.map((token) => token.word).join('');
      out.push({
        word,
        plain: word,
        original: run.map((token) => token.original).join(' '),
        disguised: true,
        masked: false,
        spelledOut: true,
      });
    } else {
      out.push(...run);
    }
    run = [];
  };
  for (const token of tokens) {
    if (token.word.length === 1 && /\p{L}/u.test(token.word)) {
      run.push(token);
    } else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}

export function tokenize(text: string): Token[] {
  const chunks = foldCharacters(text).split(/[\s,;:?()[\]{}"“”<>/\\]+/u);
  const tokens = chunks.map(readChunk).filter((token): token is Token => token !== undefined);
  return joinSpelledOut(tokens);
}

/**
 * Forms a token may be looked up as: as written, stretched letters cut to two (asss -> ass), and to one
 * (stuuupid -> stupid, fuuuck -> fuck). The lexicon is written with normal spelling, so one of them matches.
 */
export function spellings(word: string): string[] {
  const two = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  // Only a word that was visibly stretched loses its double letters too ("shiitake" must stay itself).
  if (two === word) return [word];
  return [...new Set([word, two, word.replace(/(\p{L})\1+/gu, '$1')])];
}
