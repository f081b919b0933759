import { RangeNotSatisfiableError, type ByteRange } from './object-storage.ts';

/** Rejects ranges that are malformed whatever the object's size (a caller bug, not a 416). */
export function assertWellFormedRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0)
    throw new RangeError(`range start must be a non-negative integer, got ${start}`);
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new RangeError(`range end must be an integer >= start (${start}), got ${end}`);
  }
}

/** Inclusive offsets actually served for `range` on an object of `size` bytes, following HTTP's rules. */
export function resolveRange(key: string, range: ByteRange, size: number): { start: number; end: number } {
  assertWellFormedRange(range);
  if (range.start >= size) throw new RangeNotSatisfiableError(key, size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}
