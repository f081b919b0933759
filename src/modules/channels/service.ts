import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { UserRow } from '../users/repo.ts';
import type { SubscriptionService, SubscriptionStatus } from '../subscriptions/service.ts';
import type { ChannelCounts } from '../subscriptions/channel-stats-repo.ts';
import { requireActiveChannel } from './active-channel.ts';
import { cursorCodec, toPage, type Page } from '../../platform/pagination/cursor.ts';
import { exactTimePosition } from '../../platform/pagination/exact-timestamp.ts';
import type { PageRequest } from '../../platform/pagination/page-query.ts';
import {
  channelVideoQueries,
  type ChannelVideoOrder,
  type ChannelVideoRow,
  type ChannelVideoTotals,
} from '../videos/channel-video-queries.ts';

const newestCursor = cursorCodec('channel-videos:newest', exactTimePosition);
const popularCursor = cursorCodec('channel-videos:popular', z.tuple([z.number().int().nonnegative(), z.uuid()]));

export type ChannelOverview = { user: UserRow } & ChannelCounts & ChannelVideoTotals & SubscriptionStatus;

/** The channel page: who, how followed, what they published, and the viewer's subscription. */
export class ChannelService {
  private readonly db: Kysely<DB>;
  private readonly subscriptions: SubscriptionService;

  constructor(deps: { db: Kysely<DB>; subscriptions: SubscriptionService }) {
    this.db = deps.db;
    this.subscriptions = deps.subscriptions;
  }

  async overview(viewer: AuthenticatedUser | undefined, channelId: string): Promise<ChannelOverview> {
    const user = await requireActiveChannel(this.db, channelId);
    const [counts, totals, status] = await Promise.all([
      this.subscriptions.counts(channelId),
      channelVideoQueries.totals(this.db, channelId),
      this.subscriptions.status(viewer, channelId),
    ]);
    return { user, ...counts, ...totals, ...status };
  }

  async videos(channelId: string, sort: ChannelVideoOrder['sort'], page: PageRequest): Promise<Page<ChannelVideoRow>> {
    await requireActiveChannel(this.db, channelId);
    const rows = await channelVideoQueries.list(this.db, channelId, this.order(sort, page.cursor), page.limit);
    return sort === 'newest'
      ? toPage(rows, page.limit, newestCursor, (row) => [row.exact_created_at, row.id])
      : toPage(rows, page.limit, popularCursor, (row) => [row.view_count, row.id]);
  }

  private order(sort: ChannelVideoOrder['sort'], cursor: string | undefined): ChannelVideoOrder {
    if (cursor === undefined) return { sort };
    if (sort === 'newest') {
      const [createdAt, id] = newestCursor.decode(cursor);
      return { sort, after: { createdAt, id } };
    }
    const [viewCount, id] = popularCursor.decode(cursor);
    return { sort, after: { viewCount, id } };
  }
}
