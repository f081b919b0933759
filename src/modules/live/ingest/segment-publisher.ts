import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectStorage } from '../../../platform/storage/object-storage.ts';

/** Where a live stream's HLS lives in object storage, beside (not inside) the videos' folders. */
export const liveHlsPrefix = (streamId: string) => `live/${streamId}/hls`;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** A segment that left the playlist (the DVR window) stays this long for players with an older playlist. */
export const DROPPED_SEGMENT_GRACE_MS = 30_000;

/**
 * Copies the packager's growing HLS output into object storage, so any API process serves it
 * (`streamhub live` may run on another host in scale mode). Segments go up before the playlist that
 * lists them, so a player never sees a segment that is not there yet; a segment ffmpeg is still
 * writing is not listed yet, so it is never copied half-written. A segment that slid out of the DVR
 * window is deleted from storage after a grace period (ffmpeg deletes its local copy itself).
 */
export class SegmentPublisher {
  private readonly uploaded = new Set<string>();
  /** Uploaded segments no longer listed, with when they were first seen missing. */
  private readonly dropped = new Map<string, number>();
  private readonly lastPlaylist = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      storage: ObjectStorage;
      hlsDir: string;
      streamId: string;
      onError: (error: unknown) => void;
      droppedGraceMs?: number;
    },
  ) {}

  start(intervalMs = 500): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sync()).catch(this.deps.onError);
    }, intervalMs);
  }

  /** Stops polling and publishes what is left (the final playlists carry #EXT-X-ENDLIST). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running.catch(() => undefined);
    await this.sync();
  }

  async sync(): Promise<void> {
    const { hlsDir } = this.deps;
    let entries;
    try {
      entries = await readdir(hlsDir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries.filter((item) => item.isDirectory())) await this.syncVariant(entry.name);
    await this.publishPlaylist('master.m3u8');
  }

  private async syncVariant(name: string): Promise<void> {
    const playlist = await this.read(join(name, 'index.m3u8'));
    if (playlist === undefined) return;
    const segments = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
    const listed = new Set(segments.map((segment) => `${name}/${segment.trim()}`));
    for (const segment of segments) {
      const relative = `${name}/${segment.trim()}`;
      if (this.uploaded.has(relative)) continue;
      await this.deps.storage.putFile(
        `${liveHlsPrefix(this.deps.streamId)}/${relative}`,
        join(this.deps.hlsDir, relative),
      );
      this.uploaded.add(relative);
    }
    await this.put(`${name}/index.m3u8`, playlist);
    await this.deleteDropped(name, listed);
  }

  private async deleteDropped(name: string, listed: Set<string>): Promise<void> {
    const now = Date.now();
    const grace = this.deps.droppedGraceMs ?? DROPPED_SEGMENT_GRACE_MS;
    for (const relative of this.uploaded) {
      if (!relative.startsWith(`${name}/`) || listed.has(relative)) continue;
      const since = this.dropped.get(relative) ?? now;
      this.dropped.set(relative, since);
      if (now - since < grace) continue;
      await this.deps.storage.deleteObject(`${liveHlsPrefix(this.deps.streamId)}/${relative}`);
      this.uploaded.delete(relative);
      this.dropped.delete(relative);
    }
  }

  private async publishPlaylist(relative: string): Promise<void> {
    const text = await this.read(relative);
    if (text !== undefined) await this.put(relative, text);
  }

  private async put(relative: string, text: string): Promise<void> {
    if (this.lastPlaylist.get(relative) === text) return;
    await this.deps.storage.putObject(`${liveHlsPrefix(this.deps.streamId)}/${relative}`, Buffer.from(text));
    this.lastPlaylist.set(relative, text);
  }

  private async read(relative: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.deps.hlsDir, relative), 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }
}
