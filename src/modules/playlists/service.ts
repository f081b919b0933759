import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { requireActiveChannel } from '../channels/active-channel.ts';
import { cursorCodec, toPage, type Page } from '../../platform/pagination/cursor.ts';
import { exactTimePosition } from '../../platform/pagination/exact-timestamp.ts';
import type { PageRequest } from '../../platform/pagination/page-query.ts';
import type { VideoService } from '../videos/service.ts';
import { assertEditable, assertNotBuiltIn, assertReadable } from './access.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { createIdempotently, idempotentRequest } from '../../platform/idempotency/idempotency.ts';
import { PlaylistItemEditor } from './item-editor.ts';
import { playlistItemRepo, type PlaylistEntryRow } from './items-repo.ts';
import { playlistRepo, type PlaylistChanges, type PlaylistListRow, type PlaylistRow } from './repo.ts';

const playlistsCursor = cursorCodec('playlists:newest', exactTimePosition);
const entriesCursor = cursorCodec('playlist-items', z.tuple([z.number().int().nonnegative()]));
export type PlaylistInput = Pick<PlaylistRow, 'title' | 'description' | 'visibility'>;

export interface PlaylistWithEntries {
  playlist: PlaylistRow;
  entries: Page<PlaylistEntryRow>;
}

/** Playlists and the built-in Watch later: CRUD, visibility on reads, and (through `items`) entry edits. */
export class PlaylistService {
  readonly items: PlaylistItemEditor;
  private readonly db: Kysely<DB>;

  constructor(deps: { db: Kysely<DB>; videos: VideoService; maxItems: number }) {
    this.db = deps.db;
    this.items = new PlaylistItemEditor(this.db, deps.videos, deps.maxItems);
  }

  /**
   * With an Idempotency-Key the same user sending the same key gets the playlist created the first
   * time (`replayed: true`) instead of a second one, even when the two requests race: the loser's
   * playlist is rolled back with its failed claim of the key.
   */
  async create(
    actor: AuthenticatedUser,
    input: PlaylistInput,
    idempotencyKey?: string,
  ): Promise<{ playlist: PlaylistRow; replayed: boolean }> {
    const { value: playlist, replayed } = await createIdempotently(
      this.db,
      idempotentRequest('playlists.create', actor.id, idempotencyKey, input),
      {
        create: (trx, id) => playlistRepo.insert(trx, { id, owner_id: actor.id, ...input }),
        load: (id) => playlistRepo.findById(this.db, id),
      },
    );
    return { playlist, replayed };
  }

  /** The playlist and one page of the entries this viewer may see. */
  async read(viewer: AuthenticatedUser | undefined, id: string, page: PageRequest): Promise<PlaylistWithEntries> {
    const playlist = await playlistRepo.findById(this.db, id);
    assertReadable(viewer, playlist);
    return { playlist, entries: await this.entries(viewer, playlist, page) };
  }

  async update(actor: AuthenticatedUser, id: string, changes: PlaylistChanges): Promise<PlaylistRow> {
    return inTransaction(this.db, async (trx) => {
      const playlist = await playlistRepo.lockForEdit(trx, id);
      assertEditable(actor, playlist);
      assertNotBuiltIn(playlist, 'renamed or changed');
      return (await playlistRepo.update(trx, id, changes)) ?? playlist;
    });
  }

  async delete(actor: AuthenticatedUser, id: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const playlist = await playlistRepo.lockForEdit(trx, id);
      assertEditable(actor, playlist);
      assertNotBuiltIn(playlist, 'deleted');
      await playlistRepo.delete(trx, id);
    });
  }

  /** A user's playlists, newest first: all of them for the owner (and admins), the public ones for anyone else. */
  async listForUser(
    viewer: AuthenticatedUser | undefined,
    ownerId: string,
    page: PageRequest,
  ): Promise<Page<PlaylistListRow>> {
    await requireActiveChannel(this.db, ownerId);
    const seesAll = viewer !== undefined && (viewer.id === ownerId || viewer.role === 'admin');
    const after = playlistsCursor.decodeOptional(page.cursor);
    const rows = await playlistRepo.listByOwner(this.db, ownerId, {
      publicOnly: !seesAll,
      limit: page.limit,
      after: after && { createdAt: after[0], id: after[1] },
    });
    return toPage(rows, page.limit, playlistsCursor, (row) => [row.exact_created_at, row.id]);
  }

  /** The caller's Watch later, created on first use. */
  async watchLater(actor: AuthenticatedUser): Promise<PlaylistRow> {
    const existing = await playlistRepo.findWatchLater(this.db, actor.id);
    if (existing) return existing;
    await playlistRepo.ensureWatchLater(this.db, actor.id);
    const created = await playlistRepo.findWatchLater(this.db, actor.id);
    if (!created) throw new Error(`Watch later of ${actor.id} vanished right after it was created`);
    return created;
  }

  async readWatchLater(actor: AuthenticatedUser, page: PageRequest): Promise<PlaylistWithEntries> {
    const playlist = await this.watchLater(actor);
    return { playlist, entries: await this.entries(actor, playlist, page) };
  }

  private async entries(
    viewer: AuthenticatedUser | undefined,
    playlist: PlaylistRow,
    page: PageRequest,
  ): Promise<Page<PlaylistEntryRow>> {
    const after = entriesCursor.decodeOptional(page.cursor)?.[0];
    const rows = await playlistItemRepo.listVisible(this.db, playlist.id, viewer, page.limit, after);
    return toPage(rows, page.limit, entriesCursor, (row) => [row.position]);
  }
}
