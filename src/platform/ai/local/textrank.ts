import { cosine, inverseDocumentFrequency, termCounts, weighted } from './term-vectors.ts';

const DAMPING = 0.85;
const ITERATIONS = 50;

/**
 * TextRank (Mihalcea & Tarau, 2004) over text units: a graph whose edges are the TF-IDF cosine
 * similarities between units, ranked with PageRank. Units that share vocabulary with many others
 * are central to the document. Returns one score per unit, in input order.
 */
export function textRank(units: string[]): number[] {
  const count = units.length;
  if (count === 0) return [];
  const counts = units.map(termCounts);
  const idf = inverseDocumentFrequency(counts);
  const vectors = counts.map((unit) => weighted(unit, idf));
  const similarity = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const outWeight = similarity.map((row) => row.reduce((sum, value) => sum + value, 0));
  let scores = new Array<number>(count).fill(1 / count);
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    scores = scores.map((_unused, i) => {
      let incoming = 0;
      for (let j = 0; j < count; j += 1)
        if (outWeight[j]! > 0) incoming += (similarity[j]![i]! / outWeight[j]!) * scores[j]!;
      return (1 - DAMPING) / count + DAMPING * incoming;
    });
  }
  return scores;
}

/** Indices of the `limit` best-scored units, in document order, skipping units with too few words to stand alone. */
export function topUnits(units: string[], scores: number[], limit: number, minWords = 4): number[] {
  return scores
    .map((score, index) => ({ score, index }))
    .filter(({ index }) => units[index]!.split(/\s+/).length >= minWords)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ index }) => index)
    .sort((a, b) => a - b);
}
