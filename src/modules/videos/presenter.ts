import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { UserService } from '../users/service.ts';
import type { MediaUrls } from './media-urls.ts';
import { videoRepo, type RenditionRow, type VideoRow } from './repo.ts';
import type { VideoResponse } from './schemas.ts';
import { videosWithPicturesHeld } from '../moderation/held-for-review.ts';
import { shownThumbnailKey } from './shown-thumbnail.ts';
import { pathInVideoFolder } from './storage-keys.ts';

type Creator = VideoResponse['creator'];

/** Whether image moderation holds the video's pictures, and whether the viewer is its owner. */
interface ThumbnailState {
  held: boolean;
  toOwner: boolean;
}

/** What the presenter needs from the likes module: live counts (stored + buffered) and the viewer's likes. */
export interface LikeLookup {
  displayCounts(videos: readonly Pick<VideoRow, 'id' | 'like_count'>[]): Promise<Map<string, number>>;
  hasLiked(userId: string, videoIds: readonly string[]): Promise<Set<string>>;
}

/** Turns video rows into API responses: creator summary, renditions and media URLs included. */
export class VideoPresenter {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly mediaUrls: MediaUrls,
    private readonly likes: LikeLookup,
    private readonly users: Pick<UserService, 'get'>,
  ) {}

  async present(video: VideoRow, origin: string, viewerId?: string): Promise<VideoResponse> {
    const [response] = await this.presentMany([video], origin, viewerId);
    return response as VideoResponse;
  }

  async presentMany(videos: VideoRow[], origin: string, viewerId?: string): Promise<VideoResponse[]> {
    const creators = new Map<string, Creator>();
    for (const creatorId of new Set(videos.map((video) => video.creator_id))) {
      const user = await this.users.get(creatorId);
      creators.set(creatorId, { id: user.id, username: user.username, avatarUrl: user.avatar_url });
    }
    const ids = videos.map((video) => video.id);
    const withCustomThumbnail = videos.filter((video) => video.custom_thumbnail_key).map((video) => video.id);
    const [likeCounts, liked, picturesHeld] = await Promise.all([
      this.likes.displayCounts(videos),
      viewerId ? this.likes.hasLiked(viewerId, ids) : Promise.resolve(new Set<string>()),
      videosWithPicturesHeld(this.db, withCustomThumbnail),
    ]);
    return Promise.all(
      videos.map(async (video) => {
        const renditions = video.status === 'ready' ? await videoRepo.listRenditions(this.db, video.id) : [];
        const engagement = { likes: likeCounts.get(video.id) ?? video.like_count, hasLiked: liked.has(video.id) };
        const thumbnail = { held: picturesHeld.has(video.id), toOwner: viewerId === video.creator_id };
        return this.toResponse(video, creators.get(video.creator_id) as Creator, renditions, origin, {
          engagement,
          thumbnail,
        });
      }),
    );
  }

  private toResponse(
    video: VideoRow,
    creator: Creator,
    renditions: RenditionRow[],
    origin: string,
    { engagement, thumbnail }: { engagement: { likes: number; hasLiked: boolean }; thumbnail: ThumbnailState },
  ): VideoResponse {
    const ready = video.status === 'ready';
    const folder = ready ? this.mediaUrls.folder(video, origin).url : '';
    const mediaUrl = (key: string | null) => (ready && key ? folder + pathInVideoFolder(video.id, key) : null);
    const storyboardImage = mediaUrl(video.storyboard_image_key);
    const storyboardVtt = mediaUrl(video.storyboard_vtt_key);
    return {
      id: video.id,
      title: video.title,
      description: video.description,
      tags: video.tags,
      category: video.category,
      visibility: video.visibility,
      status: video.status,
      failureReason: video.failure_reason,
      processingProgress: video.processing_progress,
      duration: video.duration_seconds,
      width: video.width,
      height: video.height,
      thumbnailUrl: mediaUrl(shownThumbnailKey(video, thumbnail.held)),
      customThumbnail:
        thumbnail.toOwner && video.custom_thumbnail_key ? (thumbnail.held ? 'held_for_review' : 'shown') : null,
      storyboard: storyboardImage && storyboardVtt ? { imageUrl: storyboardImage, vttUrl: storyboardVtt } : null,
      renditions: renditions.map((rendition) => ({
        name: rendition.name,
        width: rendition.width,
        height: rendition.height,
        bandwidth: rendition.bandwidth,
      })),
      views: video.view_count,
      likes: engagement.likes,
      hasLiked: engagement.hasLiked,
      commentCount: video.comment_count,
      creator,
      createdAt: toIso(video.created_at),
      uploadedAt: toIsoOrNull(video.uploaded_at),
      processedAt: toIsoOrNull(video.processed_at),
    };
  }
}
