import { badRequest } from '../../platform/http/errors.ts';

/** A position in a newest-first list: the row's timestamp, and its video id to break ties. */
export interface KeysetPosition { at: Date; videoId: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients (base64url JSON), so the ordering can change without breaking their contract. */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.videoId])).toString('base64url');
}

export function decodeKeysetCursor(cursor: string): KeysetPosition {
  const invalid = () => badRequest('The cursor is invalid; pass back meta.nextCursor as received', [{ field: 'cursor', message: 'is invalid' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') throw invalid();
  const at = new Date(parsed[0]);
  if (Number.isNaN(at.getTime()) || !UUID.test(parsed[1])) throw invalid();
  return { at, videoId: parsed[1] };
}

/** Cuts a `limit + 1` query result into the page and the cursor of the next one (null on the last page). */
export function pageOf<T>(rows: T[], limit: number, positionOf: (row: T) => KeysetPosition): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeKeysetCursor(positionOf(last)) : null };
}
