import type { PubSub } from '../../platform/pubsub/pubsub.ts';

/** One pub/sub channel for every change, carrying the recipients: a 1,000-recipient batch is one message, not 1,000. */
const CHANNEL = 'notifications:changed';

export type ChangeListener = () => void;

/**
 * Tells open tabs that a user's notifications changed (new, read, deleted), in every API process:
 * writers publish the affected user ids; each process keeps its own map of connected users and wakes
 * only their streams, which then re-read the durable unread count. Pub/sub is fire-and-forget, so
 * streams also re-read on their heartbeat.
 */
export class LiveNotifications {
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  private subscribed: Promise<() => Promise<void>> | undefined;

  constructor(private readonly deps: { pubsub: PubSub }) {}

  async changed(userIds: readonly string[]): Promise<void> {
    if (userIds.length > 0) await this.deps.pubsub.publish(CHANNEL, { userIds });
  }

  /** Resolves once changes reach this process; the returned function stops listening. */
  async listen(userId: string, listener: ChangeListener): Promise<() => void> {
    this.subscribed ??= this.deps.pubsub.subscribe(CHANNEL, (message) => this.deliver(message));
    try {
      await this.subscribed;
    } catch (error) {
      this.subscribed = undefined;
      throw error;
    }
    let own = this.listeners.get(userId);
    if (!own) this.listeners.set(userId, (own = new Set()));
    own.add(listener);
    return () => {
      own.delete(listener);
      if (own.size === 0 && this.listeners.get(userId) === own) this.listeners.delete(userId);
    };
  }

  private deliver(message: unknown): void {
    const userIds = (message as { userIds?: unknown }).userIds;
    if (!Array.isArray(userIds)) return;
    for (const userId of userIds) {
      for (const listener of this.listeners.get(String(userId)) ?? []) listener();
    }
  }
}
