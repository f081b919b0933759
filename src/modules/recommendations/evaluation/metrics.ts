/** Ranking metrics over held-out items, binary relevance. */

/** 1 when any of the first k ids is relevant. */
export function hitAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return ranked.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0;
}

/** Normalised discounted cumulative gain of the first k ids (1 = all relevant items first). */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, index) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(index + 2);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(k, relevant.size); index += 1) ideal += 1 / Math.log2(index + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export interface MethodScore {
  hits: number;
  ndcg: number;
  viewers: number;
}

export function emptyScore(): MethodScore {
  return { hits: 0, ndcg: 0, viewers: 0 };
}

export function addList(score: MethodScore, ranked: readonly string[], relevant: ReadonlySet<string>, k: number): void {
  score.hits += hitAt(ranked, relevant, k);
  score.ndcg += ndcgAt(ranked, relevant, k);
  score.viewers += 1;
}
