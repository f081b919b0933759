import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { assertHasChannel, type AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { notFound } from '../../platform/http/errors.ts';

/** What the studio lists: never the key itself, which is shown once when created or rotated. */
export interface StreamKeySummary {
  id: string;
  prefix: string;
  createdAt: Date;
}

export interface IssuedStreamKey extends StreamKeySummary {
  /** The secret the encoder sends as the RTMP stream name; only its hash is stored. */
  key: string;
}

const KEY_PREFIX = 'live_';

/** SHA-256 is enough: the key is 32 random bytes, so there is nothing to brute-force as with passwords. */
export const hashStreamKey = (key: string) => createHash('sha256').update(key).digest('hex');

function assertCreator(actor: AuthenticatedUser): void {
  assertHasChannel(actor, 'stream');
}

/** A channel's RTMP stream keys: create (shown once), rotate, revoke, and the ingest's lookup at connect. */
export class StreamKeyService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: AuthenticatedUser): Promise<StreamKeySummary[]> {
    const rows = await this.db
      .selectFrom('live_stream_keys')
      .select(['id', 'prefix', 'created_at'])
      .where('channel_id', '=', actor.id)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => ({ id: row.id, prefix: row.prefix, createdAt: row.created_at }));
  }

  async create(actor: AuthenticatedUser): Promise<IssuedStreamKey> {
    assertCreator(actor);
    const key = KEY_PREFIX + randomBytes(24).toString('base64url');
    const row = await this.db
      .insertInto('live_stream_keys')
      .values({ channel_id: actor.id, key_hash: hashStreamKey(key), prefix: key.slice(0, KEY_PREFIX.length + 4) })
      .returning(['id', 'prefix', 'created_at'])
      .executeTakeFirstOrThrow();
    return { id: row.id, prefix: row.prefix, createdAt: row.created_at, key };
  }

  /** Revokes the key, then issues its replacement: an encoder still using the old key is refused from now on. */
  async rotate(actor: AuthenticatedUser, keyId: string): Promise<IssuedStreamKey> {
    await this.revoke(actor, keyId);
    return this.create(actor);
  }

  async revoke(actor: AuthenticatedUser, keyId: string): Promise<void> {
    const revoked = await this.db
      .updateTable('live_stream_keys')
      .set({ revoked_at: new Date() })
      .where('id', '=', keyId)
      .where('channel_id', '=', actor.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (revoked.numUpdatedRows === 0n) throw notFound('Stream key');
  }

  /** The channel a presented key streams for, or undefined for an unknown or revoked key. */
  async channelOf(key: string): Promise<string | undefined> {
    if (!key.startsWith(KEY_PREFIX)) return undefined;
    const row = await this.db
      .selectFrom('live_stream_keys')
      .select('channel_id')
      .where('key_hash', '=', hashStreamKey(key))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row?.channel_id;
  }
}
