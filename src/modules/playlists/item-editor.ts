import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, type ErrorDetail } from '../../platform/http/errors.ts';
import type { VideoService } from '../videos/service.ts';
import { assertEditable } from './access.ts';
import { playlistItemRepo as items } from './items-repo.ts';
import { playlistRepo, type PlaylistRow } from './repo.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

/** Where an added or moved video ended up, and the playlist after the edit. */
export interface Placement {
  playlist: PlaylistRow;
  position: number;
}

const notInPlaylist = () => new AppError(404, ErrorCode.NOT_IN_PLAYLIST, 'That video is not in this playlist');
const MAX_LISTED_IDS = 10;

/**
 * Adds, removes and moves playlist entries. Each edit is one transaction that first row-locks the
 * playlist (PostgreSQL: concurrent edits of one playlist queue there; PGlite: its single session
 * already runs one transaction at a time), then works on positions it can trust, renumbers what it
 * moved and recounts, so positions stay dense and unique however many tabs edit at once.
 */
export class PlaylistItemEditor {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly videos: VideoService,
    private readonly maxItems: number,
  ) {}

  /** `position` past the end appends; without it the video goes last. Duplicates are refused. */
  async add(actor: AuthenticatedUser, playlistId: string, videoId: string, position?: number): Promise<Placement> {
    // Outside the edit transaction: on PGlite that transaction owns the only session.
    await this.videos.getVisible(actor, videoId);
    return this.placement(actor, playlistId, async (trx) => {
      if ((await items.positionOf(trx, playlistId, videoId)) !== undefined) {
        throw new AppError(409, ErrorCode.ALREADY_IN_PLAYLIST, 'That video is already in this playlist');
      }
      const count = await items.count(trx, playlistId);
      if (count >= this.maxItems)
        throw new AppError(409, ErrorCode.PLAYLIST_FULL, `A playlist holds at most ${this.maxItems} videos`);
      const at = Math.min(position ?? count, count);
      await items.shift(trx, playlistId, { from: at }, 1);
      await items.insert(trx, playlistId, videoId, at);
      return at;
    });
  }

  async remove(actor: AuthenticatedUser, playlistId: string, videoId: string): Promise<void> {
    await this.edit(actor, playlistId, async (trx) => {
      const position = await items.delete(trx, playlistId, videoId);
      if (position === undefined) throw notInPlaylist();
      await items.shift(trx, playlistId, { from: position + 1 }, -1);
    });
  }

  /** `position` past the end moves the video last. */
  async move(actor: AuthenticatedUser, playlistId: string, videoId: string, position: number): Promise<Placement> {
    return this.placement(actor, playlistId, async (trx) => {
      const current = await items.positionOf(trx, playlistId, videoId);
      if (current === undefined) throw notInPlaylist();
      const target = Math.min(position, (await items.count(trx, playlistId)) - 1);
      if (target < current) await items.shift(trx, playlistId, { from: target, to: current - 1 }, 1);
      if (target > current) await items.shift(trx, playlistId, { from: current + 1, to: target }, -1);
      if (target !== current) await items.setPosition(trx, playlistId, videoId, target);
      return target;
    });
  }

  /** The whole order at once: `videoIds` must list every entry exactly once. */
  async reorder(actor: AuthenticatedUser, playlistId: string, videoIds: string[]): Promise<PlaylistRow> {
    const { playlist } = await this.edit(actor, playlistId, async (trx) => {
      const current = await items.videoIds(trx, playlistId);
      const wanted = new Set(videoIds);
      const missing = current.filter((id) => !wanted.has(id));
      const inPlaylist = new Set(current);
      const unknown = videoIds.filter((id) => !inPlaylist.has(id));
      if (missing.length > 0 || unknown.length > 0) {
        const details: ErrorDetail[] = [
          ...missing
            .slice(0, MAX_LISTED_IDS)
            .map((id) => ({ field: 'videoIds', message: `is missing ${id}, which is in the playlist` })),
          ...unknown
            .slice(0, MAX_LISTED_IDS)
            .map((id) => ({ field: 'videoIds', message: `lists ${id}, which is not in the playlist` })),
        ];
        throw new AppError(
          409,
          ErrorCode.ORDER_MISMATCH,
          'videoIds must list every video of the playlist exactly once; reload it and try again',
          details,
        );
      }
      await items.applyOrder(trx, playlistId, videoIds);
    });
    return playlist;
  }

  private async placement(
    actor: AuthenticatedUser,
    playlistId: string,
    work: (trx: Transaction<DB>) => Promise<number>,
  ): Promise<Placement> {
    const { playlist, value } = await this.edit(actor, playlistId, work);
    return { playlist, position: value };
  }

  private edit<T>(
    actor: AuthenticatedUser,
    playlistId: string,
    work: (trx: Transaction<DB>) => Promise<T>,
  ): Promise<{ playlist: PlaylistRow; value: T }> {
    return inTransaction(this.db, async (trx) => {
      assertEditable(actor, await playlistRepo.lockForEdit(trx, playlistId));
      await items.purgeDeletedVideos(trx, playlistId);
      const value = await work(trx);
      return { playlist: await playlistRepo.recount(trx, playlistId), value };
    });
  }
}
