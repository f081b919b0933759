/**
 * A small per-process cache for the chat's send path: each key's value is loaded once (concurrent
 * callers share the load) and kept for `ttlMs`, or until an event says it changed (`delete`). The
 * TTL bounds how stale a value can get when the change happened on another instance and its event
 * did not reach this one (a room with no sockets here).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.at < this.ttlMs) return entry.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { value, at: now });
    // A failed load is not cached: the next caller tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** True when `key` holds a fresh value (without loading one). */
  peek(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && Date.now() - entry.at < this.ttlMs;
  }

  set(key: string, value: V): void {
    this.entries.set(key, { value: Promise.resolve(value), at: Date.now() });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every key ending with `suffix` (for example all channels' entries of one user). */
  deleteEndingWith(suffix: string): void {
    for (const key of this.entries.keys()) if (key.endsWith(suffix)) this.entries.delete(key);
  }
}
