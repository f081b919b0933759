/**
 * Word-level text handling shared by the local algorithms (embedder, summariser, chapters):
 * lower-cased word tokens, an English stop-word list, and a light suffix-stripping stemmer so that
 * "recipes", "recipe" and "cooking", "cooked" meet.
 */

// Function words carry no topic; the list is the common core of the SMART and Snowball lists.
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves also get got like one two us s t can't don't it's
i'm we're you're they're that's there's let's okay well really much many may might must shall ok yes`.split(/\s+/),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Lower-cased runs of letters and digits (apostrophes kept inside words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];
}

const SUFFIXES = [
  'ational',
  'ization',
  'fulness',
  'ousness',
  'iveness',
  'ations',
  'ation',
  'ments',
  'ment',
  'ness',
  'ings',
  'ing',
  'ies',
  'ied',
  'ers',
  'er',
  'ed',
  'ly',
  'es',
  's',
];

/** Strips one common English suffix, keeping a stem of at least three letters (a crude Porter step 1). */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') return `${base}y`;
      // "running" -> "runn" -> "run": undouble a final consonant left by -ing/-ed/-er.
      return /([^aeiouls])\1$/.test(base) ? base.slice(0, -1) : base;
    }
  }
  return word;
}

/** Content words, stemmed: what the local models count. */
export function contentTerms(text: string): string[] {
  return words(text)
    .filter((word) => !isStopWord(word) && word.length > 1)
    .map(stem);
}
