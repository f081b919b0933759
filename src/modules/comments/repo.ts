import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import { z } from 'zod';
import type { TimePosition } from '../../platform/pagination/cursor.ts';
import type { CommentsTable } from './tables.ts';

/** (like_count, id): the position in the top sort. */
export const likesPosition = z.object({ likes: z.number().int().min(0), id: z.uuid() });
export type LikesPosition = z.output<typeof likesPosition>;

export type CommentRow = Selectable<CommentsTable>;

/** The columns a response needs; moderation bookkeeping (hidden_by, deleted_by) stays in the table. */
const VIEW_COLUMNS = [
  'c.id',
  'c.video_id',
  'c.user_id',
  'c.parent_id',
  'c.reply_to_user_id',
  'c.text',
  'c.is_edited',
  'c.like_count',
  'c.reply_count',
  'c.hidden_at',
  'c.deleted_at',
  'c.created_at',
  'c.updated_at',
] as const;
type ViewColumn = (typeof VIEW_COLUMNS)[number] extends `c.${infer Column}` ? Column : never;

/** A comment as responses show it: its own columns plus author, mention and the viewer's like. */
export interface CommentView extends Pick<CommentRow, ViewColumn> {
  author_username: string;
  author_avatar_url: string | null;
  reply_to_username: string | null;
  has_liked: boolean;
}

/** Who reads a list: hidden comments are filtered out unless the reader moderates the video or wrote them. */
export interface Audience {
  viewerId?: string;
  seesAllHidden: boolean;
}

/**
 * Comments joined with their author (users is read only), the mentioned user's name and the viewer's
 * like. The mention is a scalar subquery rather than a second join: most comments have none, and on
 * PGlite, which plans every query afresh, the extra join made planning the slowest part of a page.
 * Only the columns a response needs are read: on PGlite every field of every row costs decoding time.
 */
function selectViews(db: Executor, viewerId: string | undefined) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as author', 'author.id', 'c.user_id')
    .select(VIEW_COLUMNS)
    .select(['author.username as author_username', 'author.avatar_url as author_avatar_url'])
    .select((eb) =>
      eb
        .selectFrom('users as reply_to')
        .select('reply_to.username')
        .whereRef('reply_to.id', '=', 'c.reply_to_user_id')
        .as('reply_to_username'),
    )
    .select(
      viewerId
        ? sql<boolean>`exists (select 1 from comment_likes l where l.comment_id = c.id and l.user_id = ${viewerId})`.as(
            'has_liked',
          )
        : sql<boolean>`false`.as('has_liked'),
    );
}

function selectVisibleViews(db: Executor, audience: Audience) {
  return selectViews(db, audience.viewerId).$if(!audience.seesAllHidden, (query) =>
    query.where((eb) =>
      eb.or([eb('c.hidden_at', 'is', null), ...(audience.viewerId ? [eb('c.user_id', '=', audience.viewerId)] : [])]),
    ),
  );
}

/**
 * A video's threads: top-level comments, less deleted ones nobody replied to (a deleted comment with
 * replies stays as a tombstone so its replies remain readable).
 */
function selectThreads(db: Executor, videoId: string, audience: Audience) {
  return selectVisibleViews(db, audience)
    .where('c.video_id', '=', videoId)
    .where('c.parent_id', 'is', null)
    .where((eb) => eb.or([eb('c.deleted_at', 'is', null), eb('c.reply_count', '>', 0)]));
}

/** Every list fetches `limit + 1` rows so the caller knows whether another page follows. */
export const commentRepo = {
  findById(db: Executor, id: string): Promise<CommentRow | undefined> {
    return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findView(db: Executor, id: string, viewerId: string | undefined): Promise<CommentView | undefined> {
    return selectViews(db, viewerId).where('c.id', '=', id).executeTakeFirst();
  },

  /**
   * Row-locks the comment for the rest of the transaction (moderation decisions serialise on it). NO KEY
   * UPDATE, not UPDATE: replies, likes and reports being inserted hold KEY SHARE on it through their
   * foreign keys, which only FOR UPDATE would have to wait for.
   */
  findForUpdate(db: Executor, id: string): Promise<CommentRow | undefined> {
    return db.selectFrom('comments').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
  },

  /** Undefined when the comment was deleted meanwhile. */
  updateText(db: Executor, id: string, text: string): Promise<CommentRow | undefined> {
    return db
      .updateTable('comments')
      .set({ text, is_edited: true, updated_at: new Date() })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  },

  async likeCountOf(db: Executor, id: string): Promise<number> {
    const row = await db.selectFrom('comments').select('like_count').where('id', '=', id).executeTakeFirstOrThrow();
    return row.like_count;
  },

  listNewest(
    db: Executor,
    videoId: string,
    audience: Audience,
    limit: number,
    after?: TimePosition,
  ): Promise<CommentView[]> {
    return selectThreads(db, videoId, audience)
      .$if(after !== undefined, (query) =>
        query.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('c.created_at', 'c.id'), '<', tuple(after!.at, after!.id)),
        ),
      )
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  listTop(
    db: Executor,
    videoId: string,
    audience: Audience,
    limit: number,
    after?: LikesPosition,
  ): Promise<CommentView[]> {
    return selectThreads(db, videoId, audience)
      .$if(after !== undefined, (query) =>
        query.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('c.like_count', 'c.id'), '<', tuple(after!.likes, after!.id)),
        ),
      )
      .orderBy('c.like_count', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /** A thread's replies, oldest first; deleted replies are gone (nothing hangs under them). */
  listReplies(
    db: Executor,
    parentId: string,
    audience: Audience,
    limit: number,
    after?: TimePosition,
  ): Promise<CommentView[]> {
    return selectVisibleViews(db, audience)
      .where('c.parent_id', '=', parentId)
      .where('c.deleted_at', 'is', null)
      .$if(after !== undefined, (query) =>
        query.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('c.created_at', 'c.id'), '>', tuple(after!.at, after!.id)),
        ),
      )
      .orderBy('c.created_at', 'asc')
      .orderBy('c.id', 'asc')
      .limit(limit + 1)
      .execute();
  },
};
