import type { HotCounters } from '../../platform/counters/hot-counters.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { VideoService } from '../videos/service.ts';
import { getWatchableVideo } from './ready-video.ts';
import { VIEWS_COUNTER } from './view-counters.ts';
import type { ViewDedupe } from './view-dedupe.ts';

export interface ViewResult {
  counted: boolean;
  views: number;
}

/**
 * Views are counted, not stored one by one: a viewer counts once per video per de-duplication
 * window, and counted views are buffered in the hot counter until the next flush.
 */
export class ViewService {
  private readonly counters: HotCounters;
  private readonly videos: VideoService;
  private readonly dedupe: ViewDedupe;

  constructor(deps: { counters: HotCounters; videos: VideoService; dedupe: ViewDedupe }) {
    this.counters = deps.counters;
    this.videos = deps.videos;
    this.dedupe = deps.dedupe;
  }

  /** `viewer` is the hashed viewer fingerprint (see viewerFingerprint). */
  async record(actor: AuthenticatedUser | undefined, videoId: string, viewer: string): Promise<ViewResult> {
    const video = await getWatchableVideo(this.videos, actor, videoId);
    const counted = await this.dedupe.firstInWindow(`${videoId}:${viewer}`);
    const pending = counted
      ? await this.counters.increment(VIEWS_COUNTER, videoId, 1)
      : await this.counters.pending(VIEWS_COUNTER, videoId);
    return { counted, views: video.view_count + pending };
  }
}
