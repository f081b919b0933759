import type { Executor } from '../../platform/db/transaction.ts';
import { publishEvent } from '../../platform/events/event-bus.ts';

/** Topics this module publishes, keyed by the subscriber so one user's subscribe/unsubscribe stay in order. */
export const SUBSCRIPTION_CREATED = 'subscription.created';
export const SUBSCRIPTION_DELETED = 'subscription.deleted';

export interface SubscriptionEventPayload {
  subscriberId: string;
  channelId: string;
  /** Only on subscription.created: whether the subscriber wants notifications of new uploads. */
  notificationsEnabled?: boolean;
  /** Only on subscription.created: the channel's subscriber count with this subscription (milestones). */
  subscriberCount?: number;
  /** The video whose page the button was pressed on, when it was one: analytics credits it with the change. */
  videoId?: string;
}

/** Call with the transaction that inserted or deleted the subscription row. */
export function publishSubscriptionEvent(
  trx: Executor,
  topic: typeof SUBSCRIPTION_CREATED | typeof SUBSCRIPTION_DELETED,
  payload: SubscriptionEventPayload,
): Promise<void> {
  return publishEvent(trx, { topic, key: payload.subscriberId, payload });
}
