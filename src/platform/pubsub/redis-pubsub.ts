import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createRedis } from '../redis.ts';
import type { MessageListener, PubSub } from './pubsub.ts';

/**
 * Redis pub/sub. A connection in subscriber mode can run no other command, so publishing and
 * subscribing use separate connections. Each Redis channel is subscribed once per process however
 * many local listeners it has; channel names carry the instance's key prefix so several StreamHub
 * instances (or test runs) can share one Redis.
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new EventEmitter();
  /** Redis SUBSCRIBE calls in flight, so a second listener also waits until the channel is live. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.publisher = createRedis(redisUrl, logger);
    this.subscriber = createRedis(redisUrl, logger);
    this.local.setMaxListeners(0);
    this.subscriber.on('message', (channel: string, text: string) => this.deliver(channel, text));
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(message));
  }

  async subscribe(channel: string, listener: MessageListener): Promise<() => Promise<void>> {
    const redisChannel = this.prefix + channel;
    const first = this.local.listenerCount(redisChannel) === 0;
    this.local.on(redisChannel, listener);
    try {
      if (first) {
        const subscribing = this.subscriber.subscribe(redisChannel).finally(() => this.pending.delete(redisChannel));
        this.pending.set(redisChannel, subscribing);
      }
      await this.pending.get(redisChannel);
    } catch (error) {
      this.local.off(redisChannel, listener);
      throw error;
    }
    return async () => {
      this.local.off(redisChannel, listener);
      if (this.local.listenerCount(redisChannel) === 0)
        await this.subscriber.unsubscribe(redisChannel).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private deliver(channel: string, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.logger.warn({ channel }, 'ignoring a pub/sub message that is not JSON');
      return;
    }
    this.local.emit(channel, message);
  }
}
