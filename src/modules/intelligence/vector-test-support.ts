import type { TestApp } from '../../../test/support/app.ts';
import { insertAnalysedVideos } from './analysed-catalogue-test-support.ts';

/** A deterministic pseudo-random unit vector (mulberry32), so a failing vector test can be replayed. */
export function seededUnitVector(seed: number, dimensions: number): number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return unitLength(Array.from({ length: dimensions }, next));
}

/** The vector scaled to length 1 (stored embeddings are unit length, so cosine is the dot product). */
export function unitLength(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

export const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

/** A creator (made through an analysed video) to own the plain video rows a vector test inserts. */
export async function vectorOwner(t: TestApp, title: string): Promise<string> {
  const [video] = await insertAnalysedVideos(t, [{ title }]);
  const row = await t.platform.database.db
    .selectFrom('videos')
    .select('creator_id')
    .where('id', '=', video!)
    .executeTakeFirstOrThrow();
  return row.creator_id;
}
