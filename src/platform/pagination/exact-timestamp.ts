import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';

/**
 * A timestamp column as UTC text with its microseconds. A JavaScript Date keeps only milliseconds, so a
 * cursor built from one would skip or repeat rows created within the same millisecond; this text
 * goes back into SQL as `::timestamptz` unchanged.
 */
export function exactTimestamp(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Cursor position of a newest-first list keyed by an exact timestamp: [exact created_at, id]. */
export const exactTimePosition = z.tuple([z.iso.datetime(), z.uuid()]);
