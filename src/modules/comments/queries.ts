import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { CommentAccess } from './comment-access.ts';
import { cursorCodec, timePosition, toPage } from '../../platform/pagination/cursor.ts';
import { likesPosition } from './repo.ts';
import { commentRepo, type Audience, type CommentView } from './repo.ts';
import type { CommentSort } from './schemas.ts';
import { commentSettingsRepo } from './settings-repo.ts';
import { moderatesVideo } from './visibility.ts';

const topCursor = cursorCodec('top', likesPosition);
const newestCursor = cursorCodec('newest', timePosition);
const repliesCursor = cursorCodec('replies', timePosition);

export interface CommentPage {
  items: CommentView[];
  nextCursor: string | null;
}

/** Reading comments: one comment, a video's threads (top or newest), a thread's replies. */
export class CommentQueries {
  private readonly db: Kysely<DB>;
  private readonly access: CommentAccess;

  constructor(deps: { db: Kysely<DB>; access: CommentAccess }) {
    this.db = deps.db;
    this.access = deps.access;
  }

  async get(actor: AuthenticatedUser | undefined, id: string): Promise<CommentView> {
    return (await this.access.visibleComment(actor, id, { allowDeleted: true })).comment;
  }

  async listThreads(
    actor: AuthenticatedUser | undefined,
    videoId: string,
    { sort, cursor, limit }: { sort: CommentSort; cursor?: string; limit: number },
  ): Promise<CommentPage & { commentsEnabled: boolean }> {
    const video = await this.access.visibleVideo(actor, videoId);
    const audience: Audience = { viewerId: actor?.id, seesAllHidden: moderatesVideo(actor, video) };
    // Independent reads: on PostgreSQL they run on two pooled connections at once.
    const [commentsEnabled, page] = await Promise.all([
      commentSettingsRepo.commentsEnabled(this.db, video.id),
      sort === 'top'
        ? this.topPage(video.id, audience, limit, cursor)
        : this.newestPage(video.id, audience, limit, cursor),
    ]);
    return { ...page, commentsEnabled };
  }

  private async topPage(videoId: string, audience: Audience, limit: number, cursor?: string): Promise<CommentPage> {
    const rows = await commentRepo.listTop(this.db, videoId, audience, limit, topCursor.decodeOptional(cursor));
    return toPage(rows, limit, topCursor, (row) => ({ likes: row.like_count, id: row.id }));
  }

  private async newestPage(videoId: string, audience: Audience, limit: number, cursor?: string): Promise<CommentPage> {
    const rows = await commentRepo.listNewest(this.db, videoId, audience, limit, newestCursor.decodeOptional(cursor));
    return toPage(rows, limit, newestCursor, (row) => ({ at: row.created_at, id: row.id }));
  }

  /** Replies stay readable under a deleted top-level comment. */
  async listReplies(
    actor: AuthenticatedUser | undefined,
    id: string,
    { cursor, limit }: { cursor?: string; limit: number },
  ): Promise<CommentPage> {
    const after = repliesCursor.decodeOptional(cursor);
    const { comment, video } = await this.access.visibleComment(actor, id, { allowDeleted: true });
    if (comment.parent_id)
      throw badRequest('This comment is a reply; threads are one level deep, so list the replies of its parentId');
    const audience: Audience = { viewerId: actor?.id, seesAllHidden: moderatesVideo(actor, video) };
    const rows = await commentRepo.listReplies(this.db, comment.id, audience, limit, after);
    return toPage(rows, limit, repliesCursor, (row) => ({ at: row.created_at, id: row.id }));
  }
}
