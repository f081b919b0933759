import { z } from 'zod';
import { AppError } from '../http/errors.ts';
import { ErrorCode } from '../http/error-codes.ts';

/**
 * The one keyset-cursor codec of the API. A cursor is base64url of JSON `[tag, position]`: opaque to
 * clients, so an ordering can change without breaking their contract, and tagged with the list and
 * sort it came from, so a cursor of one list or sort is refused by another instead of silently
 * skipping rows. The position is the last row's sort key, checked against a Zod schema on the way in.
 */
export interface CursorCodec<Position> {
  encode(position: Position): string;
  /** Throws a 400 INVALID_CURSOR for anything this codec did not make. */
  decode(raw: string): Position;
  /** `decode` for an optional query parameter. */
  decodeOptional(raw: string | undefined): Position | undefined;
}

export const invalidCursor = () =>
  new AppError(
    400,
    ErrorCode.INVALID_CURSOR,
    'The cursor is invalid; pass back meta.nextCursor as received, with the same sort and filters',
    [{ field: 'cursor', message: 'is invalid' }],
  );

export function cursorCodec<Schema extends z.ZodType>(tag: string, position: Schema): CursorCodec<z.output<Schema>> {
  const envelope = z.tuple([z.literal(tag), position]);
  const decode = (raw: string): z.output<Schema> => {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    } catch {
      throw invalidCursor();
    }
    const parsed = envelope.safeParse(json);
    if (!parsed.success) throw invalidCursor();
    return parsed.data[1] as z.output<Schema>;
  };
  return {
    // The schema's input is what goes over the wire (e.g. an ISO string for a Date).
    encode: (value) => Buffer.from(JSON.stringify([tag, value])).toString('base64url'),
    decode,
    decodeOptional: (raw) => (raw === undefined ? undefined : decode(raw)),
  };
}

/** An instant travelling as an ISO string (Date#toJSON) and coming back as a Date. */
export const isoInstant = z.iso.datetime().pipe(z.coerce.date());

/** (timestamp, id): the position in a newest-first or oldest-first list of rows with a uuid. */
export const timePosition = z.object({ at: isoInstant, id: z.uuid() });
export type TimePosition = z.output<typeof timePosition>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cuts a `limit + 1` query result into the page and the cursor of the next one (null on the last page). */
export function toPage<Row, Position>(
  rows: Row[],
  limit: number,
  codec: CursorCodec<Position>,
  positionOf: (row: Row) => Position,
): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? codec.encode(positionOf(last)) : null };
}
