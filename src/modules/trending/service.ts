import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { videoQueries } from '../videos/video-queries.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { TrendingStore } from './trending-store.ts';
import { ALL_CATEGORIES, type TrendingWindow } from './windows.ts';

interface CachedPage {
  expiresAt: number;
  ids: string[];
}

/** Pages beyond the cache's reach are read from the store each time; few readers page that deep. */
const MAX_CACHED_PAGES = 500;

/**
 * Reads rankings. The ranked ids of a page are cached in this process for `trending.cacheSeconds`
 * (rankings change once a refresh anyway); the video rows are loaded fresh on every call, so a video
 * made private or deleted since leaves the list at once, and counts are current.
 */
export class TrendingService {
  private readonly cache = new Map<string, CachedPage>();
  private readonly db: Kysely<DB>;
  private readonly store: TrendingStore;
  private readonly cacheMs: number;

  constructor(deps: { db: Kysely<DB>; store: TrendingStore; cacheSeconds: number }) {
    this.db = deps.db;
    this.store = deps.store;
    this.cacheMs = deps.cacheSeconds * 1000;
  }

  async list(window: TrendingWindow, category: string | undefined, offset: number, limit: number): Promise<VideoRow[]> {
    const ids = await this.rankedIds(window, category ?? ALL_CATEGORIES, offset, limit);
    return videoQueries.findPublicByIds(this.db, ids);
  }

  private async rankedIds(window: TrendingWindow, category: string, offset: number, limit: number): Promise<string[]> {
    const key = `${window}|${category}|${offset}|${limit}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return cached.ids;
    const ids = await this.store.read(window, category, offset, limit);
    if (this.cacheMs > 0) {
      if (this.cache.size >= MAX_CACHED_PAGES) this.cache.clear();
      this.cache.set(key, { expiresAt: now + this.cacheMs, ids });
    }
    return ids;
  }
}
