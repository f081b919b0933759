interface Entry<V> {
  value: Promise<V>;
  /** When the value's load started. */
  at: number;
  /** A background reload is under way (see `get`). */
  refreshing?: boolean;
}

/**
 * A small per-process cache for the chat's send path: each key's value is loaded once (concurrent
 * callers share the load) and kept for `ttlMs`, or until an event says it changed (`delete`). The
 * TTL bounds how stale a value can get when the change happened on another instance and its event
 * did not reach this one (a room with no sockets here).
 *
 * With `refreshAhead`, a value used after half its TTL is reloaded in the background while callers
 * keep getting the one they have, so a busy room's messages do not wait for a database read every
 * TTL: only a key unused for a whole TTL is loaded while its caller waits.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly refreshAhead: boolean;

  constructor(ttlMs: number, options: { maxEntries?: number; refreshAhead?: boolean } = {}) {
    this.ttlMs = ttlMs;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.refreshAhead = options.refreshAhead ?? false;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.at < this.ttlMs) {
      if (this.refreshAhead && !entry.refreshing && now - entry.at >= this.ttlMs / 2) this.refresh(key, entry, load);
      return entry.value;
    }
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

  /**
   * Replaces the entry once the reload succeeds, unless it was deleted or replaced meanwhile (an
   * event's change must not be undone by a read that started before it). A failed reload leaves the
   * entry to expire at its TTL.
   */
  private refresh(key: string, entry: Entry<V>, load: () => Promise<V>): void {
    entry.refreshing = true;
    const at = Date.now();
    const value = load();
    value.then(
      () => {
        if (this.entries.get(key) === entry) this.entries.set(key, { value, at });
      },
      () => undefined,
    );
  }
}
