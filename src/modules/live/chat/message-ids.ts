/** Message ids are decimal strings of one increasing bigint sequence: a shorter one is smaller. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Whether `id` is one of `sorted`'s (ascending by id), by binary search. */
export function includesId(sorted: ReadonlyArray<{ id: string }>, id: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareIds(sorted[middle]!.id, id);
    if (order === 0) return true;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
