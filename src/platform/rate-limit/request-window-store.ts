import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RedisRequestWindows, WindowCount } from './redis-request-windows.ts';

type Callback = (error: Error | null, result?: WindowCount) => void;
type RouteLimitOptions = Parameters<FastifyRateLimitStore['child']>[0];
/** The options the plugin hands a store: the global ones, or a route's merged with them. */
interface LimitOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
}

/**
 * The @fastify/rate-limit store over RedisRequestWindows. Keys are laid out as the plugin's own Redis
 * store lays them out (`<namespace><client>`, and `<namespace><METHOD><url>-<client>` for a route with
 * its own limit), so each route limit keeps its own window.
 */
export function requestWindowStore(windows: RedisRequestWindows, namespace: string): FastifyRateLimitStoreCtor {
  class RequestWindowStore implements FastifyRateLimitStore {
    constructor(
      options: LimitOptions,
      private readonly prefix = namespace,
    ) {
      // Both change a window's length as it is counted; the windows here have a fixed length.
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error('the Redis request-window store does not support continueExceeding or exponentialBackoff');
      }
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      windows.add(this.prefix + key, timeWindow, max).then(
        (count) => callback(null, count),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      windows.read(this.prefix + key).then(
        (count) => callback(null, count),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: RouteLimitOptions): FastifyRateLimitStore {
      // The plugin passes the route's merged limit options, which carry the route as `routeInfo`.
      const merged = routeOptions as unknown as LimitOptions & { routeInfo: { method: string; url: string } };
      const { method, url } = merged.routeInfo;
      return new RequestWindowStore(merged, `${this.prefix}${method}${url}-`);
    }
  }
  return RequestWindowStore as unknown as FastifyRateLimitStoreCtor;
}
