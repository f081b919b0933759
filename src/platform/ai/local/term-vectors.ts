import { contentTerms, stem, words, isStopWord } from './text-tokens.ts';

/** Sparse term counts of one text unit (a transcript segment, a window of speech). */
export type TermCounts = Map<string, number>;

export function termCounts(text: string): TermCounts {
  const counts: TermCounts = new Map();
  for (const term of contentTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** Smoothed inverse document frequency over the units of one document. */
export function inverseDocumentFrequency(units: TermCounts[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const unit of units)
    for (const term of unit.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, df] of documentFrequency) idf.set(term, Math.log((1 + units.length) / (1 + df)) + 1);
  return idf;
}

export function weighted(counts: TermCounts, idf: Map<string, number>): TermCounts {
  const result: TermCounts = new Map();
  for (const [term, count] of counts) result.set(term, count * (idf.get(term) ?? 1));
  return result;
}

export function cosine(a: TermCounts, b: TermCounts): number {
  let dot = 0;
  for (const [term, value] of a) dot += value * (b.get(term) ?? 0);
  if (dot === 0) return 0;
  const norm = (vector: TermCounts) => Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0));
  return dot / (norm(a) * norm(b));
}

/** For titles: the word a stem was most often spoken as ("bread" rather than the stem "bread", "baking" for "bak"). */
export function surfaceForms(text: string): Map<string, string> {
  const tallies = new Map<string, Map<string, number>>();
  for (const word of words(text)) {
    if (isStopWord(word) || word.length < 2) continue;
    const forms = tallies.get(stem(word)) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    tallies.set(stem(word), forms);
  }
  const result = new Map<string, string>();
  for (const [term, forms] of tallies) result.set(term, [...forms].sort((a, b) => b[1] - a[1])[0]![0]);
  return result;
}
