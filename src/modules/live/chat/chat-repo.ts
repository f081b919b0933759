import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ChatMessageStatus } from '../tables.ts';

/** A chat message as clients see it. Ids are decimal strings: they are bigints, ordered. */
export interface ChatMessage {
  id: string;
  streamId: string;
  authorId: string;
  authorName: string;
  body: string;
  status: ChatMessageStatus;
  offsetMs: number;
  createdAt: string;
}

/** An appointed chat moderator of a channel. */
export interface ChatModeratorRow {
  userId: string;
  username: string;
  appointedAt: Date;
}

const HISTORY_LIMIT = 200;

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('live_chat_messages as m')
    .innerJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.stream_id', 'm.author_id', 'u.username', 'm.body', 'm.status', 'm.offset_ms', 'm.created_at']);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toMessage = (row: Row): ChatMessage => ({
  id: String(row.id),
  streamId: row.stream_id,
  authorId: row.author_id,
  authorName: row.username,
  body: row.body,
  status: row.status,
  offsetMs: Number(row.offset_ms),
  createdAt: new Date(row.created_at).toISOString(),
});

/** Chat history in PostgreSQL: ordered by id, with each message's offset into the stream. */
export const chatRepo = {
  async insert(
    db: Kysely<DB>,
    message: { streamId: string; authorId: string; body: string; status: ChatMessageStatus; offsetMs: number },
  ): Promise<ChatMessage> {
    const { id } = await db
      .insertInto('live_chat_messages')
      .values({
        stream_id: message.streamId,
        author_id: message.authorId,
        body: message.body,
        status: message.status,
        offset_ms: message.offsetMs,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return toMessage(await baseQuery(db).where('m.id', '=', id).executeTakeFirstOrThrow());
  },

  async find(db: Kysely<DB>, id: string): Promise<ChatMessage | undefined> {
    const row = await baseQuery(db).where('m.id', '=', id).executeTakeFirst();
    return row && toMessage(row);
  },

  /**
   * What a (re)connecting client is owed: the messages after `afterId`, or the latest ones when it has
   * none; visible ones, and held ones only to their author.
   */
  async history(
    db: Kysely<DB>,
    streamId: string,
    viewerId: string | undefined,
    afterId?: string,
  ): Promise<ChatMessage[]> {
    let query = baseQuery(db)
      .where('m.stream_id', '=', streamId)
      .where((eb) =>
        viewerId
          ? eb.or([
              eb('m.status', '=', 'visible'),
              eb.and([eb('m.status', '=', 'held'), eb('m.author_id', '=', viewerId)]),
            ])
          : eb('m.status', '=', 'visible'),
      );
    if (afterId !== undefined) {
      return (
        await query
          .where('m.id', '>', afterId)
          .orderBy('m.id', 'asc')
          .limit(HISTORY_LIMIT * 5)
          .execute()
      ).map(toMessage);
    }
    query = query.orderBy('m.id', 'desc').limit(HISTORY_LIMIT);
    return (await query.execute()).map(toMessage).reverse();
  },

  /** Replay under the recording: visible messages whose offset falls in [fromMs, toMs). */
  async replay(db: Kysely<DB>, streamId: string, fromMs: number, toMs: number, limit: number): Promise<ChatMessage[]> {
    const rows = await baseQuery(db)
      .where('m.stream_id', '=', streamId)
      .where('m.status', '=', 'visible')
      .where('m.offset_ms', '>=', String(fromMs) as never)
      .where('m.offset_ms', '<', String(toMs) as never)
      .orderBy('m.offset_ms', 'asc')
      .orderBy('m.id', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  },

  async markDeleted(db: Kysely<DB>, streamId: string, id: string): Promise<boolean> {
    const result = await db
      .updateTable('live_chat_messages')
      .set({ status: 'deleted' })
      .where('id', '=', id as never)
      .where('stream_id', '=', streamId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** When the author last posted in the stream (slow mode). */
  async lastPostedAt(db: Kysely<DB>, streamId: string, authorId: string): Promise<Date | undefined> {
    const row = await db
      .selectFrom('live_chat_messages')
      .select(sql<Date>`max(created_at)`.as('at'))
      .where('stream_id', '=', streamId)
      .where('author_id', '=', authorId)
      .executeTakeFirst();
    return row?.at ? new Date(row.at) : undefined;
  },

  async activeBan(db: Kysely<DB>, channelId: string, userId: string): Promise<{ until: Date | null } | undefined> {
    return db
      .selectFrom('live_chat_bans')
      .select('until')
      .where('channel_id', '=', channelId)
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', new Date())]))
      .executeTakeFirst();
  },

  async ban(db: Kysely<DB>, channelId: string, userId: string, until: Date | null, by: string): Promise<void> {
    await db
      .insertInto('live_chat_bans')
      .values({ channel_id: channelId, user_id: userId, until, created_by: by })
      .onConflict((oc) => oc.columns(['channel_id', 'user_id']).doUpdateSet({ until, created_by: by }))
      .execute();
  },

  async isModerator(db: Kysely<DB>, channelId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('live_chat_moderators')
      .select('user_id')
      .where('channel_id', '=', channelId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Boolean(row);
  },

  /** When the user was appointed, or undefined when they already were a moderator of the channel. */
  async addModerator(db: Kysely<DB>, channelId: string, userId: string): Promise<Date | undefined> {
    const row = await db
      .insertInto('live_chat_moderators')
      .values({ channel_id: channelId, user_id: userId })
      .onConflict((oc) => oc.doNothing())
      .returning('created_at')
      .executeTakeFirst();
    return row?.created_at;
  },

  /** False when the user was not a moderator of the channel. */
  async removeModerator(db: Kysely<DB>, channelId: string, userId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('live_chat_moderators')
      .where('channel_id', '=', channelId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  /** The channel's appointed chat moderators, longest-serving first. */
  async listModerators(db: Kysely<DB>, channelId: string): Promise<ChatModeratorRow[]> {
    return db
      .selectFrom('live_chat_moderators as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id as userId', 'u.username', 'm.created_at as appointedAt'])
      .where('m.channel_id', '=', channelId)
      .orderBy('m.created_at', 'asc')
      .orderBy('u.username', 'asc')
      .execute();
  },
};
