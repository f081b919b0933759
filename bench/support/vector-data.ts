/**
 * Synthetic 512-dimension unit vectors drawn around topic centres the way sentence embeddings cluster,
 * and the exact top-k they are checked against: shared by the vector-index benches.
 */
export const DIMENSIONS = 512;

/** mulberry32: the same vectors on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
}

export function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return vector.map((value) => value / norm);
}

export function topicCentres(count: number, seed = 1): Float32Array[] {
  const next = random(seed);
  return Array.from({ length: count }, () => unit(Float32Array.from({ length: DIMENSIONS }, () => gaussian(next))));
}

/** Points around random topic centres: neighbours are meaningful, unlike uniform noise. */
export function dataset(count: number, seed: number, centres: Float32Array[]): Float32Array[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(next() * centres.length)]!;
    return unit(centre.map((value) => value + 0.03 * gaussian(next)));
  });
}

/** Indexes of the k vectors with the highest dot product (= cosine for unit vectors). */
export function exactTop(vectors: Float32Array[], query: Float32Array, k: number): number[] {
  const best: { index: number; score: number }[] = [];
  vectors.forEach((vector, index) => {
    let score = 0;
    for (let d = 0; d < DIMENSIONS; d += 1) score += vector[d]! * query[d]!;
    if (best.length < k || score > best[k - 1]!.score) {
      best.push({ index, score });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
    }
  });
  return best.map((entry) => entry.index);
}

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
