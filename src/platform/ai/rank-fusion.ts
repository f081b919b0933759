/** The constant of reciprocal-rank fusion (Cormack et al., 2009): damps the head so no single list dominates. */
const RRF_K = 60;

/**
 * Reciprocal-rank fusion: each list votes 1/(k + rank) for its items; items found by several lists
 * rise. Lists are ids in rank order, best first. Returns ids by fused score, best first, with scores.
 */
export function reciprocalRankFusion(lists: string[][]): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (RRF_K + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
