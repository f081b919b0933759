export interface TimedVector {
  startSeconds: number;
  vector: number[];
}

const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

function meanDirection(vectors: number[][]): number[] {
  const sum = new Array<number>(vectors[0]?.length ?? 0).fill(0);
  for (const vector of vectors) vector.forEach((value, index) => (sum[index]! += value));
  const norm = Math.hypot(...sum);
  return norm === 0 ? sum : sum.map((value) => value / norm);
}

/**
 * Topic boundaries from sentence embeddings: at each gap between transcript segments, the mean
 * direction of the `block` segments before is compared with that of the `block` after; a topic shift
 * is a dip in that similarity. Like TextTiling, a gap's depth is how far it lies below the nearest
 * peaks on both sides, and gaps deeper than max(mean − σ/2, `minDepth`) become boundaries, deepest
 * first, as long as every chapter lasts at least `minSeconds` and holds `minSegments` segments.
 * Sentence vectors see that "knead the dough" and "bake the loaf" are one topic even though they share
 * no word, which word overlap on a short, noisy transcript does not. Returns the starting indices.
 */
export function meaningBoundaries(
  segments: TimedVector[],
  options: { block?: number; minSegments?: number; minSeconds?: number; minDepth?: number } = {},
): number[] {
  const block = options.block ?? 3;
  const minSegments = options.minSegments ?? 2;
  const minSeconds = options.minSeconds ?? 10;
  const minDepth = options.minDepth ?? 0.1;
  if (segments.length < minSegments * 2) return [0];
  const vectors = segments.map((segment) => segment.vector);
  const similarity: number[] = [];
  for (let gap = 1; gap < segments.length; gap += 1) {
    const before = meanDirection(vectors.slice(Math.max(0, gap - block), gap));
    const after = meanDirection(vectors.slice(gap, gap + block));
    similarity[gap] = dot(before, after);
  }
  const depths: { gap: number; depth: number }[] = [];
  for (let gap = 1; gap < segments.length; gap += 1) {
    let left = similarity[gap]!;
    for (let index = gap - 1; index >= 1 && similarity[index]! >= left; index -= 1) left = similarity[index]!;
    let right = similarity[gap]!;
    for (let index = gap + 1; index < segments.length && similarity[index]! >= right; index += 1)
      right = similarity[index]!;
    depths.push({ gap, depth: left - similarity[gap]! + (right - similarity[gap]!) });
  }
  const mean = depths.reduce((sum, entry) => sum + entry.depth, 0) / depths.length;
  const sd = Math.sqrt(depths.reduce((sum, entry) => sum + (entry.depth - mean) ** 2, 0) / depths.length);
  const threshold = Math.max(mean - sd / 2, minDepth);
  const end = segments.length;
  const startOf = (index: number) => (index >= end ? Infinity : segments[index]!.startSeconds);
  const lastStart = segments.at(-1)!.startSeconds;
  const boundaries = [0];
  for (const { gap, depth } of [...depths].sort((a, b) => b.depth - a.depth)) {
    if (depth <= threshold) break;
    if (gap < minSegments || end - gap < minSegments) continue;
    if (startOf(gap) < minSeconds || lastStart - startOf(gap) < minSeconds / 2) continue;
    const tooClose = boundaries.some(
      (boundary) => Math.abs(boundary - gap) < minSegments || Math.abs(startOf(boundary) - startOf(gap)) < minSeconds,
    );
    if (tooClose) continue;
    boundaries.push(gap);
  }
  return boundaries.sort((a, b) => a - b);
}
