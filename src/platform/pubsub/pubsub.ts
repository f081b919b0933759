/**
 * A tiny publish/subscribe port for live notifications (processing progress, ...) that must reach
 * every API process, wherever the work happens. Fire-and-forget: a subscriber that is not connected
 * when a message is published never sees it, so listeners re-read durable state when it matters.
 * Adapters: in-process (embedded, one process) and Redis pub/sub (scale-out, workers elsewhere).
 */
export type MessageListener = (message: unknown) => void;

export interface PubSub {
  /** Messages are JSON values. */
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is live; the returned function unsubscribes this listener. */
  subscribe(channel: string, listener: MessageListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
