/**
 * Glass-to-glass latency of live streaming, measured from outside as a viewer meets it. When the
 * encoder pushed the frame at stream time t comes from its progress reports (EncoderClock: the wall
 * time its output reached t, interpolated between reports), so an encoder that falls behind real
 * time on a busy machine does not count as server latency. A viewer's
 * player polls the live playlist over HTTP; PlaylistWatcher does the same every POLL_MS and notes when
 * each segment is first listed, and where it starts in the stream (the EXTINF durations before it).
 *
 * - edge delay: a segment's last frame pushed → the segment listed (packaging + publishing: the
 *   part of the latency the server adds);
 * - first frame: a segment's first frame pushed → listed (adds the segment's own length);
 * - glass-to-glass for the web player: hls.js plays `holdBackSegments` target durations behind the
 *   newest listed segment's end (LivePlayer.tsx: liveSyncDurationCount 3), and the newest end grows
 *   a segment at a time, so a frame is on screen on average edge delay + half a segment + the
 *   hold-back after it was pushed. Decoding and painting (milliseconds) are not included.
 */
import { percentiles, type Latency } from './latency.ts';

const POLL_MS = 50;

/** When the encoder pushed each moment of the stream, from its progress reports (stream ms → wall ms). */
export class EncoderClock {
  private readonly reports: Array<{ streamMs: number; wallMs: number }> = [];

  report(streamMs: number, wallMs: number): void {
    const last = this.reports[this.reports.length - 1];
    if (!last || streamMs > last.streamMs) this.reports.push({ streamMs, wallMs });
  }

  /** The wall time the output reached `streamMs`; undefined past the last report. */
  pushedAt(streamMs: number): number | undefined {
    const index = this.reports.findIndex((report) => report.streamMs >= streamMs);
    if (index < 0) return undefined;
    const after = this.reports[index]!;
    const before = this.reports[index - 1];
    if (!before) return after.wallMs - (after.streamMs - streamMs);
    const share = (streamMs - before.streamMs) / (after.streamMs - before.streamMs);
    return before.wallMs + share * (after.wallMs - before.wallMs);
  }
}

interface Listing {
  startMs: number;
  durationMs: number;
  listedAt: number;
}

/** Polls a live media playlist and records when each segment first appears in it. */
export class PlaylistWatcher {
  private readonly listings = new Map<string, Listing>();
  /** Segments already listed at the first successful poll: when they appeared is not known. */
  private readonly before = new Set<string>();
  private polled = false;
  private stopped = false;
  private readonly loop: Promise<void>;
  targetDurationMs = 0;

  constructor(private readonly url: string) {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /** Segments whose listing time was seen, in stream order. */
  measured(): Listing[] {
    return [...this.listings]
      .filter(([name]) => !this.before.has(name))
      .map(([, listing]) => listing)
      .sort((a, b) => a.startMs - b.startMs);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const response = await fetch(this.url).catch(() => undefined);
      if (response?.ok) this.read(await response.text(), Date.now());
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private read(playlist: string, now: number): void {
    const lines = playlist.split('\n').map((line) => line.trim());
    // Stream positions are sums of the durations listed; a playlist that slid (DVR window) has lost some.
    if (lines.some((line) => /^#EXT-X-MEDIA-SEQUENCE:(?!0$)/.test(line))) return;
    const target = lines.find((line) => line.startsWith('#EXT-X-TARGETDURATION:'));
    if (target) this.targetDurationMs = Number(target.split(':')[1]) * 1000;
    let startMs = 0;
    let durationMs: number | undefined;
    for (const line of lines) {
      if (line.startsWith('#EXTINF:')) durationMs = Number.parseFloat(line.slice('#EXTINF:'.length)) * 1000;
      else if (line && !line.startsWith('#') && durationMs !== undefined) {
        if (!this.polled) this.before.add(line);
        if (!this.listings.has(line)) this.listings.set(line, { startMs, durationMs, listedAt: now });
        startMs += durationMs;
        durationMs = undefined;
      }
    }
    this.polled = true;
  }
}

export interface GlassToGlass {
  segments: number;
  edgeDelay: Latency;
  firstFrame: Latency;
  /** Average for a player `holdBackSegments` target durations behind the live edge (see above). */
  playerMs: number;
}

export function glassToGlass(
  all: Listing[],
  clock: EncoderClock,
  targetDurationMs: number,
  holdBackSegments: number,
): GlassToGlass | undefined {
  const listings = all.filter((listing) => clock.pushedAt(listing.startMs + listing.durationMs) !== undefined);
  if (listings.length === 0) return undefined;
  const edge = listings.map((listing) => listing.listedAt - clock.pushedAt(listing.startMs + listing.durationMs)!);
  const first = listings.map((listing) => listing.listedAt - clock.pushedAt(listing.startMs)!);
  const edgeDelay = percentiles(edge);
  const meanSegmentMs = listings.reduce((sum, listing) => sum + listing.durationMs, 0) / Math.max(1, listings.length);
  const meanEdge = edge.reduce((sum, value) => sum + value, 0) / Math.max(1, edge.length);
  return {
    segments: listings.length,
    edgeDelay,
    firstFrame: percentiles(first),
    playerMs: meanEdge + meanSegmentMs / 2 + holdBackSegments * targetDurationMs,
  };
}
