import { open, stat } from 'node:fs/promises';

export interface EdgeTotals {
  /** Requests by nginx's $upstream_cache_status (HIT, MISS, EXPIRED, BYPASS, ... and `-` for none). */
  requests: Record<string, number>;
  /** Response bytes by the same status: HIT bytes are the bytes the edge kept off the origin. */
  bytes: Record<string, number>;
}

const READ_CHUNK = 1 << 20;

/**
 * Edge cache figures read from nginx's access log (ops/cluster/nginx-edge.conf's `edge` format:
 * `time method uri status bytes cache_status`), incrementally: each read parses only what was appended
 * since the last one, and a log that shrank (rotated) is read again from the start.
 */
export class EdgeAccessLog {
  private offset = 0;
  private partial = '';
  private readonly totals: EdgeTotals = { requests: {}, bytes: {} };

  constructor(readonly path: string) {}

  async read(): Promise<EdgeTotals> {
    let size: number;
    try {
      size = (await stat(this.path)).size;
    } catch {
      return this.totals;
    }
    if (size < this.offset) {
      this.offset = 0;
      this.partial = '';
    }
    if (size === this.offset) return this.totals;
    const handle = await open(this.path, 'r');
    try {
      while (this.offset < size) {
        const buffer = Buffer.alloc(Math.min(READ_CHUNK, size - this.offset));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        const text = this.partial + buffer.subarray(0, bytesRead).toString('utf8');
        const lines = text.split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines) this.count(line);
      }
    } finally {
      await handle.close();
    }
    return this.totals;
  }

  private count(line: string): void {
    const fields = line.split(' ');
    if (fields.length < 6 || !fields[2]?.startsWith('/media/')) return;
    const status = fields[5] || '-';
    const bytes = Number(fields[4]);
    this.totals.requests[status] = (this.totals.requests[status] ?? 0) + 1;
    this.totals.bytes[status] = (this.totals.bytes[status] ?? 0) + (Number.isFinite(bytes) ? bytes : 0);
  }
}

/** Hits over lookups that could have been hits (everything but BYPASS and no-cache `-`). */
export function edgeHitRatio(totals: EdgeTotals): number | null {
  const hits = (totals.requests.HIT ?? 0) + (totals.requests.STALE ?? 0) + (totals.requests.UPDATING ?? 0);
  const cacheable = Object.entries(totals.requests)
    .filter(([status]) => status !== 'BYPASS' && status !== '-')
    .reduce((sum, [, count]) => sum + count, 0);
  return cacheable ? hits / cacheable : null;
}
