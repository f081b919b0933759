import type { CounterDeltas, HotCounters } from './hot-counters.ts';

/** Embedded mode: one process serves and flushes, so plain maps are the whole buffer. */
export class MemoryHotCounters implements HotCounters {
  private readonly buffers = new Map<string, CounterDeltas>();

  async increment(name: string, id: string, delta: number): Promise<number> {
    let buffer = this.buffers.get(name);
    if (!buffer) this.buffers.set(name, (buffer = new Map()));
    const next = (buffer.get(id) ?? 0) + delta;
    // Zero entries would only make every flush write no-op rows.
    if (next === 0) buffer.delete(id);
    else buffer.set(id, next);
    return next;
  }

  async pending(name: string, id: string): Promise<number> {
    return this.buffers.get(name)?.get(id) ?? 0;
  }

  async pendingMany(name: string, ids: readonly string[]): Promise<CounterDeltas> {
    const buffer = this.buffers.get(name);
    return new Map(ids.map((id) => [id, buffer?.get(id) ?? 0]));
  }

  async drain(name: string): Promise<CounterDeltas> {
    const buffer = this.buffers.get(name) ?? new Map<string, number>();
    this.buffers.delete(name);
    return buffer;
  }

  async restore(name: string, deltas: CounterDeltas): Promise<void> {
    for (const [id, delta] of deltas) await this.increment(name, id, delta);
  }
}
