import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { requireActiveChannel } from '../channels/active-channel.ts';
import { cursorCodec, toPage, type Page } from '../../platform/pagination/cursor.ts';
import type { PageRequest } from '../../platform/pagination/page-query.ts';
import { userQueries } from '../users/user-queries.ts';
import { channelStatsRepo, type ChannelCounts } from './channel-stats-repo.ts';
import { publishSubscriptionEvent, SUBSCRIPTION_CREATED, SUBSCRIPTION_DELETED } from './events.ts';
import { subscriptionRepo, type SubscriptionRow, type SubscriptionWithUser } from './repo.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { isForeignKeyViolation } from '../../platform/db/pg-errors.ts';

const followersCursor = cursorCodec('followers', z.tuple([z.number().int().positive()]));
const followingCursor = cursorCodec('following', z.tuple([z.number().int().positive()]));

/** What a viewer's relation to a channel looks like on the channel page. */
export interface SubscriptionStatus {
  isSubscribed: boolean;
  notificationsEnabled: boolean | null;
}

export interface SubscriptionState {
  subscription: SubscriptionRow;
  subscriberCount: number;
}

function refuseSelf(actor: AuthenticatedUser, channelId: string): void {
  if (actor.id === channelId)
    throw new AppError(400, ErrorCode.SELF_SUBSCRIPTION, 'You cannot subscribe to your own channel');
}

/**
 * Subscriptions and their counters. The subscription row, both counters and the outbox event change
 * in one transaction, and only when the row really appeared or disappeared, so repeating a request
 * (or racing it) never counts or announces twice.
 */
export class SubscriptionService {
  constructor(private readonly db: Kysely<DB>) {}

  /** Idempotent: subscribing again keeps the first subscription (and its notification setting). */
  /** `fromVideoId`: the video page the subscription was made on (analytics credits that video). */
  async subscribe(actor: AuthenticatedUser, channelId: string, fromVideoId?: string): Promise<SubscriptionState> {
    refuseSelf(actor, channelId);
    await requireActiveChannel(this.db, channelId);
    try {
      return await inTransaction(this.db, async (trx) => {
        const created = await subscriptionRepo.insert(trx, actor.id, channelId);
        if (created) {
          const subscriberCount = await channelStatsRepo.applySubscription(trx, actor.id, channelId, 1);
          await publishSubscriptionEvent(trx, SUBSCRIPTION_CREATED, {
            subscriberId: actor.id,
            channelId,
            notificationsEnabled: created.notifications_enabled,
            subscriberCount,
            ...(fromVideoId ? { videoId: fromVideoId } : {}),
          });
          return { subscription: created, subscriberCount };
        }
        const subscription = await subscriptionRepo.find(trx, actor.id, channelId);
        if (!subscription)
          throw new AppError(
            409,
            ErrorCode.CONFLICT,
            'The subscription was removed while it was being created; try again',
          );
        return { subscription, subscriberCount: (await channelStatsRepo.read(trx, channelId)).subscriberCount };
      });
    } catch (error) {
      // The channel's account was deleted between the check and the insert.
      if (isForeignKeyViolation(error)) throw notFound('Channel');
      throw error;
    }
  }

  /** Idempotent: unsubscribing when not subscribed succeeds. Works for banned channels too. */
  async unsubscribe(actor: AuthenticatedUser, channelId: string, fromVideoId?: string): Promise<void> {
    refuseSelf(actor, channelId);
    if (!(await userQueries.findById(this.db, channelId))) throw notFound('Channel');
    await inTransaction(this.db, async (trx) => {
      if (await subscriptionRepo.delete(trx, actor.id, channelId)) {
        await publishSubscriptionEvent(trx, SUBSCRIPTION_DELETED, {
          subscriberId: actor.id,
          channelId,
          ...(fromVideoId ? { videoId: fromVideoId } : {}),
        });
        await channelStatsRepo.applySubscription(trx, actor.id, channelId, -1);
      }
    });
  }

  async setNotifications(actor: AuthenticatedUser, channelId: string, enabled: boolean): Promise<SubscriptionState> {
    const subscription = await subscriptionRepo.setNotifications(this.db, actor.id, channelId, enabled);
    if (!subscription) throw new AppError(404, ErrorCode.NOT_SUBSCRIBED, 'You are not subscribed to this channel');
    return { subscription, subscriberCount: (await channelStatsRepo.read(this.db, channelId)).subscriberCount };
  }

  async status(viewer: AuthenticatedUser | undefined, channelId: string): Promise<SubscriptionStatus> {
    const subscription = viewer ? await subscriptionRepo.find(this.db, viewer.id, channelId) : undefined;
    return {
      isSubscribed: subscription !== undefined,
      notificationsEnabled: subscription?.notifications_enabled ?? null,
    };
  }

  counts(userId: string): Promise<ChannelCounts> {
    return channelStatsRepo.read(this.db, userId);
  }

  async followers(channelId: string, page: PageRequest): Promise<Page<SubscriptionWithUser>> {
    await requireActiveChannel(this.db, channelId);
    const rows = await subscriptionRepo.listFollowers(
      this.db,
      channelId,
      page.limit,
      followersCursor.decodeOptional(page.cursor)?.[0],
    );
    return toPage(rows, page.limit, followersCursor, (row) => [row.seq]);
  }

  async following(userId: string, page: PageRequest): Promise<Page<SubscriptionWithUser>> {
    await requireActiveChannel(this.db, userId);
    const rows = await subscriptionRepo.listFollowing(
      this.db,
      userId,
      page.limit,
      followingCursor.decodeOptional(page.cursor)?.[0],
    );
    return toPage(rows, page.limit, followingCursor, (row) => [row.seq]);
  }
}
