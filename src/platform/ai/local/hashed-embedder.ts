import type { Embedder, Metered, ModelInfo } from '../ports.ts';
import { contentTerms } from './text-tokens.ts';

const DIMENSIONS = 512;

/** FNV-1a, 32 bits: fast, stable across processes and versions (vectors are stored). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A local embedder with no model file: signed feature hashing of stemmed content words (weight 1),
 * word bigrams (0.5) and character trigrams of each word (0.5 shared), with sublinear term frequency,
 * into 512 dimensions, L2-normalised. Trigrams make "tutorial"/"tutorials" and misspellings land near
 * each other; it knows no synonyms (docs/AI.md says what that costs). No npm package ships
 * word vectors that could do better offline.
 */
export const HASHED_EMBEDDER_MODEL: ModelInfo = { provider: 'local', name: 'hashed-ngrams-512', version: '1' };

export class HashedNgramEmbedder implements Embedder {
  readonly model = HASHED_EMBEDDER_MODEL;

  embed(texts: string[]): Promise<Metered<number[][]>> {
    return Promise.resolve({ value: texts.map(embedText), usage: { inputTokens: 0 } });
  }
}

export function embedText(text: string): number[] {
  const weights = new Map<string, number>();
  const add = (feature: string, weight: number) => weights.set(feature, (weights.get(feature) ?? 0) + weight);
  const terms = contentTerms(text);
  terms.forEach((term, index) => {
    add(`w:${term}`, 1);
    if (index > 0) add(`b:${terms[index - 1]} ${term}`, 0.5);
    const padded = `<${term}>`;
    const grams = Math.max(1, padded.length - 2);
    for (let start = 0; start + 3 <= padded.length; start += 1) add(`c:${padded.slice(start, start + 3)}`, 0.5 / grams);
  });
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const [feature, count] of weights) {
    const hash = fnv1a(feature);
    // Sublinear tf: a word said ten times is not ten times the topic.
    vector[hash % DIMENSIONS]! += (hash & 0x80000000 ? -1 : 1) * Math.log1p(count);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
