import { cosine, termCounts, type TermCounts } from './term-vectors.ts';

/**
 * TextTiling (Hearst, 1997) over transcript segments: the vocabulary of the `block` segments before
 * each gap is compared with that of the `block` segments after it; a topic shift shows as a dip in
 * that similarity. A gap is a boundary when its depth (how far it lies below the peaks on either side)
 * exceeds mean − σ/2 of all depths, and chapters shorter than `minSegments` are not split off.
 * Returns the indices of the segments that start a new chapter (0 always first).
 */
export function topicBoundaries(segments: string[], options: { block?: number; minSegments?: number } = {}): number[] {
  const block = options.block ?? 3;
  const minSegments = options.minSegments ?? 3;
  const counts = segments.map(termCounts);
  if (segments.length < minSegments * 2) return [0];
  const merge = (from: number, to: number): TermCounts => {
    const merged: TermCounts = new Map();
    for (let index = Math.max(0, from); index < Math.min(counts.length, to); index += 1) {
      for (const [term, value] of counts[index]!) merged.set(term, (merged.get(term) ?? 0) + value);
    }
    return merged;
  };
  // gap g lies between segment g-1 and segment g.
  const similarity: number[] = [];
  for (let gap = 1; gap < segments.length; gap += 1)
    similarity[gap] = cosine(merge(gap - block, gap), merge(gap, gap + block));
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
  const threshold = Math.max(mean - sd / 2, 0.05);
  const boundaries = [0];
  // Deepest dips first, so a strong shift wins over a weaker one next to it.
  for (const { gap, depth } of [...depths].sort((a, b) => b.depth - a.depth)) {
    if (depth <= threshold) break;
    if (gap < minSegments || segments.length - gap < minSegments) continue;
    if (boundaries.some((boundary) => Math.abs(boundary - gap) < minSegments)) continue;
    boundaries.push(gap);
  }
  return boundaries.sort((a, b) => a - b);
}
