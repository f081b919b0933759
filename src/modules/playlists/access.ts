import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { PlaylistRow } from './repo.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

export const isOwnerOrAdmin = (actor: AuthenticatedUser | undefined, playlist: PlaylistRow) =>
  actor !== undefined && (actor.id === playlist.owner_id || actor.role === 'admin');

/** Public and unlisted playlists open to anyone with the link; private ones only to their owner (and admins). */
export function assertReadable(
  actor: AuthenticatedUser | undefined,
  playlist: PlaylistRow | undefined,
): asserts playlist is PlaylistRow {
  // 404, not 403: a private playlist does not reveal that it exists.
  if (!playlist || (playlist.visibility === 'private' && !isOwnerOrAdmin(actor, playlist))) throw notFound('Playlist');
}

export function assertEditable(
  actor: AuthenticatedUser,
  playlist: PlaylistRow | undefined,
): asserts playlist is PlaylistRow {
  assertReadable(actor, playlist);
  if (!isOwnerOrAdmin(actor, playlist)) throw forbidden("Only the playlist's owner (or an admin) can change it");
}

/** Watch later is built in: its entries change, the playlist itself does not. */
export function assertNotBuiltIn(playlist: PlaylistRow, action: string): void {
  if (playlist.kind === 'watch_later')
    throw new AppError(409, ErrorCode.BUILT_IN_PLAYLIST, `Watch later is built in; it cannot be ${action}`);
}
