import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { badRequest } from '../../platform/http/errors.ts';

/** `?cursor=&limit=` of every keyset-paginated list in the channel, subscription and playlist modules. */
export const pageQuery = z.object({
  cursor: z.string().max(500, 'must be at most 500 characters').optional().describe('meta.nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('page size, 1-100'),
});

export interface PageRequest { cursor?: string; limit: number }
export interface Page<T> { items: T[]; nextCursor: string | null }

type KeyPart = string | number;

/** A cursor is the last row's sort key, opaque to clients (base64url JSON) so the ordering may change. */
export function encodeCursor(key: readonly KeyPart[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key inside a cursor, checked against `schema`: anything else is a 400 naming the cursor. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw badRequest('The cursor is invalid; pass back meta.nextCursor as received', [{ field: 'cursor', message: 'is invalid' }]);
  }
  return result.data;
}

/** Cuts a `limit + 1` query result into the page and the cursor of the next one (null on the last page). */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => readonly KeyPart[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * A timestamp column as UTC text with its microseconds. A JavaScript Date keeps only milliseconds, so a
 * cursor built from one would skip or repeat rows created within the same millisecond; this text
 * goes back into SQL as `::timestamptz` unchanged.
 */
export function exactTimestamp(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Cursor key of a newest-first list: the exact creation time, then the id. */
export const newestFirstKey = z.tuple([z.iso.datetime(), z.uuid()]);
