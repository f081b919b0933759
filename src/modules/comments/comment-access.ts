import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, notFound, unauthorized } from '../../platform/http/errors.ts';
import { userQueries } from '../users/user-queries.ts';
import type { UserRow } from '../users/repo.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { VideoService } from '../videos/service.ts';
import { commentRepo, type CommentView } from './repo.ts';
import { commentSettingsRepo } from './settings-repo.ts';
import { canSeeComment } from './visibility.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

/** The checks every comment action starts with: who may act, on which video, on which comment. */
export class CommentAccess {
  private readonly db: Kysely<DB>;
  private readonly videos: VideoService;

  constructor(deps: { db: Kysely<DB>; videos: VideoService }) {
    this.db = deps.db;
    this.videos = deps.videos;
  }

  /**
   * The actor's account, refused when suspended. Read on every write because an access token issued
   * before the ban stays valid for its lifetime; the ban has to bite at once.
   */
  async activeAccount(actor: AuthenticatedUser): Promise<UserRow> {
    const user = await userQueries.findById(this.db, actor.id);
    if (!user) throw unauthorized('This account no longer exists');
    if (user.banned_at)
      throw new AppError(
        403,
        ErrorCode.ACCOUNT_SUSPENDED,
        'This account is suspended: it cannot comment, reply, like or report',
      );
    return user;
  }

  /** 404 for videos the actor may not see (deleted, private, not yet published), like the videos API. */
  visibleVideo(actor: AuthenticatedUser | undefined, videoId: string): Promise<VideoRow> {
    return this.videos.getVisible(actor, videoId);
  }

  /** The video for an owner-or-admin action: 404 when missing or deleted, 403 for anyone else. */
  ownedVideo(actor: AuthenticatedUser, videoId: string): Promise<VideoRow> {
    return this.videos.getOwned(actor, videoId);
  }

  /** New comments and replies go only to ready videos whose owner has not turned comments off. */
  async assertOpenForComments(video: VideoRow): Promise<void> {
    if (video.status !== 'ready')
      throw new AppError(409, ErrorCode.NOT_READY, `Comments open once the video is ready (status: ${video.status})`);
    if (!(await commentSettingsRepo.commentsEnabled(this.db, video.id))) {
      throw new AppError(403, ErrorCode.COMMENTS_DISABLED, 'The creator turned comments off for this video');
    }
  }

  /**
   * The comment and its video when the actor may see both. Hidden comments the actor may not see are
   * a 404 like missing ones, so hiding does not reveal itself; deleted ones too unless `allowDeleted`.
   */
  async visibleComment(
    actor: AuthenticatedUser | undefined,
    id: string,
    { allowDeleted = false } = {},
  ): Promise<{ comment: CommentView; video: VideoRow }> {
    const comment = await commentRepo.findView(this.db, id, actor?.id);
    if (!comment || (comment.deleted_at && !allowDeleted)) throw notFound('Comment');
    const video = await this.visibleVideo(actor, comment.video_id);
    if (!canSeeComment(actor, video, comment)) throw notFound('Comment');
    return { comment, video };
  }
}
