import { z } from 'zod';
import { badRequest } from '../../platform/http/errors.ts';

/**
 * Opaque keyset cursors: base64url of JSON `[tag, position]`. The tag names the ordering, so a cursor
 * from one sort order (or one list) is refused by another instead of silently skipping rows.
 */
export interface CursorCodec<Position> {
  encode(position: Position): string;
  /** A 400 naming the `cursor` field for anything that is not a cursor this codec made. */
  decode(raw: string): Position;
}

export function cursorCodec<Schema extends z.ZodType>(tag: string, position: Schema): CursorCodec<z.output<Schema>> {
  const envelope = z.tuple([z.literal(tag), position]);
  return {
    encode: (value) => Buffer.from(JSON.stringify([tag, value])).toString('base64url'),
    decode: (raw) => {
      try {
        return envelope.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))[1] as z.output<Schema>;
      } catch {
        throw badRequest('The cursor is invalid; pass back meta.nextCursor as received with the same sort', [{ field: 'cursor', message: 'is invalid' }]);
      }
    },
  };
}

/** (created_at, id): newest-first and oldest-first lists. Dates travel as ISO strings and come back as Dates. */
export const timePosition = z.object({ at: z.iso.datetime().pipe(z.coerce.date()), id: z.uuid() });
export type TimePosition = z.output<typeof timePosition>;

/** (like_count, id): the top sort. */
export const likesPosition = z.object({ likes: z.number().int().min(0), id: z.uuid() });
export type LikesPosition = z.output<typeof likesPosition>;

/** Takes `limit + 1` fetched rows: the page, and the cursor of its last row when more follow. */
export function toPage<Row, Position>(rows: Row[], limit: number, codec: CursorCodec<Position>, positionOf: (row: Row) => Position) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? codec.encode(positionOf(last)) : null };
}
