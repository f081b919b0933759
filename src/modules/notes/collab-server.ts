import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { AccessTokenSigner } from '../../platform/security/jwt.ts';
import type { UserService } from '../users/service.ts';
import { docFromState, replaceContent } from './note-content.ts';
import type { NoteAccess, NoteRole } from './note-access.ts';
import { enforcePresenceIdentity, presenceColour, type PresenceUser } from './note-presence.ts';
import type { NoteStore, PendingUpdate } from './note-store.ts';

/** Close codes a refused client gets (the document stays as it was for everyone else). */
export const NOTE_CLOSE = {
  malformed: { code: 4400, reason: 'malformed-update' },
  forbidden: { code: 4403, reason: 'forbidden' },
  tooLarge: { code: 4413, reason: 'document-too-large' },
} as const;

const MESSAGE_SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Rights are re-read at most this often per connection while it sends updates. */
const RECHECK_MS = 1000;
const FLUSH_MS = 100;
const FLUSH_RETRY_MS = 1000;
/** How long the last known rights stand while the database does not answer. */
const RIGHTS_GRACE_MS = 30_000;

interface RightsEntry {
  role: NoteRole | undefined;
  at: number;
  pending?: Promise<void> | undefined;
}

export const noteDocumentName = (noteId: string) => `note:${noteId}`;
const noteIdOf = (name: string) => /^note:([0-9a-f-]{36})$/.exec(name)?.[1];

export interface NoteConnectionContext {
  user: AuthenticatedUser;
  name: string;
  noteId: string;
  role: NoteRole;
  checkedAt: number;
}

export interface NoteCollabDeps {
  access: NoteAccess;
  store: NoteStore;
  accessTokens: AccessTokenSigner;
  users: UserService;
  logger: Logger;
  maxDocumentBytes: number;
  compactAfterUpdates: number;
  /** Scale mode: documents sync across API processes through Redis. */
  redis?: Redis;
  redisKeyPrefix: string;
}

/** The presence a connection shows others: its account's name and colour (note-presence.ts). */
const presenceOf = (context: unknown): PresenceUser | undefined => {
  const known = context as Partial<NoteConnectionContext> | undefined;
  return known?.user ? { name: known.name ?? 'someone', color: presenceColour(known.user.id) } : undefined;
};

/** The update inside a Yjs sync message, if it carries one (step 2 or update). */
function updateOf(message: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return undefined;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return undefined;
  return decoding.readVarUint8Array(decoder);
}

/**
 * The Hocuspocus server for notes, mounted on the StreamHub HTTP server (note-socket.ts). Connections
 * authenticate with the access JWT; view-only connections are read-only (Hocuspocus refuses their
 * updates); every update is checked before it is applied (well-formed, within the size limit, rights
 * still held) and appended to the database; compaction folds the appended updates into a snapshot.
 */
export class NoteCollab {
  readonly hocuspocus: Hocuspocus;
  private readonly sizes = new Map<string, number>();
  /** Last known rights per note and user, shared by that user's connections in this process. */
  private readonly rights = new Map<string, RightsEntry>();
  private buffer: PendingUpdate[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly deps: NoteCollabDeps) {
    const extensions: Extension[] = [];
    const redis = deps.redis;
    if (redis) {
      // Its own publisher and subscriber, without the shared client's auto-pipelining (which a subscriber
      // connection cannot use: replies to pipelined commands get mixed up with the messages).
      const createClient = () => redis.duplicate({ enableAutoPipelining: false });
      extensions.push(new RedisExtension({ createClient, prefix: `${deps.redisKeyPrefix}notes` }));
    }
    this.hocuspocus = new Hocuspocus({
      quiet: true,
      debounce: 2000,
      maxDebounce: 10_000,
      extensions,
      onAuthenticate: async ({ token, documentName, connectionConfig }) => {
        const context = await this.authenticate(token, documentName);
        connectionConfig.readOnly = context.role !== 'edit';
        return context;
      },
      onLoadDocument: async ({ documentName, document }) => {
        const noteId = noteIdOf(documentName);
        if (!noteId) throw new Error('unknown document');
        const { state } = await deps.store.load(noteId);
        Y.applyUpdate(document, state);
        this.sizes.set(documentName, state.length);
        enforcePresenceIdentity(document, presenceOf);
        return document;
      },
      beforeHandleMessage: async ({ update: message, context, connection, documentName }) => {
        let update: Uint8Array | undefined;
        try {
          update = updateOf(message);
          if (update) Y.decodeUpdate(update);
        } catch {
          throw NOTE_CLOSE.malformed;
        }
        if (!update || connection.readOnly) return;
        await this.recheck(context as NoteConnectionContext, connection);
        if (connection.readOnly) return;
        const size = (this.sizes.get(documentName) ?? 0) + update.length;
        if (size > deps.maxDocumentBytes) throw NOTE_CLOSE.tooLarge;
        this.sizes.set(documentName, size);
      },
      onChange: async ({ context, update, documentName }) => {
        const userId = (context as Partial<NoteConnectionContext> | undefined)?.user?.id;
        const noteId = noteIdOf(documentName);
        // Updates that came through Redis were stored by the process that received them.
        if (!userId || !noteId) return;
        this.buffer.push({ noteId, userId, update });
        this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_MS);
      },
      onStoreDocument: async ({ documentName, document }) => {
        const noteId = noteIdOf(documentName);
        if (!noteId) return;
        await this.flush();
        this.sizes.set(documentName, Y.encodeStateAsUpdate(document).length);
        if ((await deps.store.pendingCount(noteId)) >= deps.compactAfterUpdates) await deps.store.compact(noteId);
      },
      afterUnloadDocument: async ({ documentName }) => {
        this.sizes.delete(documentName);
        for (const key of this.rights.keys()) if (key.startsWith(`${noteIdOf(documentName)}:`)) this.rights.delete(key);
      },
    });
  }

  private async authenticate(token: string, documentName: string): Promise<NoteConnectionContext> {
    const noteId = noteIdOf(documentName);
    if (!noteId) throw NOTE_CLOSE.forbidden;
    let user: AuthenticatedUser;
    try {
      const claims = await this.deps.accessTokens.verify(token);
      user = { id: claims.userId, role: claims.role };
    } catch {
      throw NOTE_CLOSE.forbidden;
    }
    const note = await this.deps.access.find(noteId);
    const role = note ? await this.deps.access.role(user, note) : undefined;
    if (!role) throw NOTE_CLOSE.forbidden;
    const account = await this.deps.users.get(user.id).catch(() => undefined);
    return { user, name: account?.username ?? 'someone', noteId, role, checkedAt: Date.now() };
  }

  /**
   * Rights can change while connected (a link revoked): re-read them at most once a second per user
   * and note in this process (one lookup shared by all that user's connections). If the database does
   * not answer, the last answer stands for up to RIGHTS_GRACE_MS, so a slow database does not drop
   * every editor; after that the update is refused.
   */
  private async recheck(context: NoteConnectionContext, connection: { readOnly: boolean }): Promise<void> {
    const key = `${context.noteId}:${context.user.id}`;
    let entry = this.rights.get(key);
    if (!entry || Date.now() - entry.at >= RECHECK_MS) {
      entry ??= { role: context.role, at: context.checkedAt };
      this.rights.set(key, entry);
      entry.pending ??= this.lookupRole(context, entry).finally(() => {
        if (entry) entry.pending = undefined;
      });
      await entry.pending;
    }
    if (!entry.role) throw NOTE_CLOSE.forbidden;
    context.role = entry.role;
    context.checkedAt = entry.at;
    connection.readOnly = entry.role !== 'edit';
  }

  private async lookupRole(context: NoteConnectionContext, entry: RightsEntry): Promise<void> {
    try {
      const note = await this.deps.access.find(context.noteId);
      entry.role = note ? await this.deps.access.role(context.user, note) : undefined;
      entry.at = Date.now();
    } catch (error) {
      if (Date.now() - entry.at > RIGHTS_GRACE_MS) throw NOTE_CLOSE.forbidden;
      this.deps.logger.warn({ err: error }, 'note rights check failed; keeping the last answer');
    }
  }

  /**
   * Appends the buffered updates, in order; one flush at a time. A batch the database refused (a pool
   * timeout under load, a restart) goes back to the head of the buffer and is tried again: dropping it
   * would lose those edits from the stored note while every live replica still shows them.
   */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing
      .then(() => this.deps.store.append(batch))
      .catch((error: unknown) => {
        this.buffer = [...batch, ...this.buffer];
        this.deps.logger.error({ err: error, updates: batch.length }, 'storing note updates failed; retrying');
        if (!this.closed) this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_RETRY_MS);
      });
    return this.flushing;
  }

  /** The note's current content: the live document when loaded here (or through Redis), else the stored one. */
  async currentState(noteId: string): Promise<Uint8Array> {
    const connection = await this.hocuspocus.openDirectConnection(noteDocumentName(noteId), {});
    try {
      return Y.encodeStateAsUpdate(connection.document!);
    } finally {
      await connection.disconnect();
    }
  }

  /** Replaces the live content with a past state, as edits every connected editor receives. */
  async restore(noteId: string, state: Uint8Array, user: AuthenticatedUser): Promise<void> {
    const context = { user };
    const connection = await this.hocuspocus.openDirectConnection(noteDocumentName(noteId), context);
    const source = docFromState(state);
    try {
      await connection.transact((document) => replaceContent(document, source, { context }));
    } finally {
      source.destroy();
      await connection.disconnect();
    }
    await this.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.hocuspocus.closeConnections();
    await this.flush();
    await this.hocuspocus.hooks('onDestroy', { instance: this.hocuspocus });
  }
}
