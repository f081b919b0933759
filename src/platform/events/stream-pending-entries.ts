import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { compareStreamIds, type StreamKeys } from './redis-streams.ts';

/**
 * The pending-entries list (PEL) side of one reader of a consumer group: taking over entries of
 * readers that stopped, keeping our own from looking idle, and handing them back at shutdown. The
 * StreamConsumer decides when; these are the Redis commands that do it.
 */
export class PendingEntries {
  constructor(
    private readonly commands: Redis,
    private readonly keys: StreamKeys,
    private readonly group: string,
    private readonly instanceId: string,
    private readonly logger: Logger | undefined,
  ) {}

  /** XAUTOCLAIM: every entry of `partition` pending longer than `claimIdleMs` becomes ours; raw entries, unordered. */
  async claimIdle(partition: number, claimIdleMs: number): Promise<unknown[]> {
    const stream = this.keys.stream(partition);
    const claimed: unknown[] = [];
    let cursor = '0-0';
    for (let round = 0; round < 100; round++) {
      const reply = (await this.commands.call(
        'XAUTOCLAIM',
        stream,
        this.group,
        this.instanceId,
        claimIdleMs,
        cursor,
        'COUNT',
        100,
      )) as unknown[];
      cursor = String(reply[0]);
      if (Array.isArray(reply[1])) claimed.push(...reply[1]);
      if (Array.isArray(reply[2]) && reply[2].length > 0) {
        this.logger?.error(
          { consumer: this.group, stream, ids: reply[2] },
          'pending events were trimmed from the stream before being handled',
        );
      }
      if (cursor === '0-0') break;
    }
    return claimed;
  }

  /** Sorts raw entries into stream order and reads their delivery counts (an attempt number each). */
  async inOrderWithCounts(
    partition: number,
    entries: unknown[],
    extra: number,
  ): Promise<{ entries: unknown[]; counts: Map<string, number> }> {
    const sorted = [...entries].sort((a, b) =>
      compareStreamIds(String((a as unknown[])[0]), String((b as unknown[])[0])),
    );
    const counts = new Map<string, number>();
    if (sorted.length === 0) return { entries: sorted, counts };
    const first = String((sorted[0] as unknown[])[0]);
    const last = String((sorted[sorted.length - 1] as unknown[])[0]);
    const pending = (await this.commands.call(
      'XPENDING',
      this.keys.stream(partition),
      this.group,
      first,
      last,
      sorted.length + extra,
      this.instanceId,
    )) as unknown[];
    for (const row of pending) if (Array.isArray(row)) counts.set(String(row[0]), Number(row[3]));
    return { entries: sorted, counts };
  }

  /** True while another reader of the group still has entries of `partition` pending. */
  async othersHavePending(partition: number): Promise<boolean> {
    const summary = (await this.commands.call('XPENDING', this.keys.stream(partition), this.group)) as unknown[];
    const readers = Array.isArray(summary[3]) ? (summary[3] as unknown[]) : [];
    return readers.some((reader) => Array.isArray(reader) && reader[0] !== this.instanceId && Number(reader[1]) > 0);
  }

  /** Forgets readers of the group that have nothing pending and have not read for a long time (stopped instances). */
  async removeIdleReaders(partition: number, idleMs: number): Promise<void> {
    const stream = this.keys.stream(partition);
    const readers = (await this.commands.call('XINFO', 'CONSUMERS', stream, this.group)) as unknown[];
    for (const reader of readers) {
      if (!Array.isArray(reader)) continue;
      const fields = new Map<string, unknown>();
      for (let index = 0; index + 1 < reader.length; index += 2) fields.set(String(reader[index]), reader[index + 1]);
      const name = String(fields.get('name'));
      if (name !== this.instanceId && Number(fields.get('pending')) === 0 && Number(fields.get('idle')) > idleMs) {
        await this.commands.call('XGROUP', 'DELCONSUMER', stream, this.group, name);
      }
    }
  }

  /**
   * XCLAIM … JUSTID (which does not count a delivery) on our own entries: with no `idleMs` their idle
   * time is reset, so no reclaimer takes them; with one they look that idle, for the next owner to take at once.
   */
  async setIdle(partition: number, streamIds: string[], idleMs?: number): Promise<void> {
    const idle = idleMs === undefined ? [] : ['IDLE', idleMs];
    for (let start = 0; start < streamIds.length; start += 100) {
      await this.commands.call(
        'XCLAIM',
        this.keys.stream(partition),
        this.group,
        this.instanceId,
        0,
        ...streamIds.slice(start, start + 100),
        ...idle,
        'JUSTID',
      );
    }
  }
}
