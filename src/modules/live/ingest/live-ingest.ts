import { mkdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { LiveConfig } from '../../../config.ts';
import type { ObjectStorage } from '../../../platform/storage/object-storage.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { LiveStreamRow, LiveStreamService } from '../live-streams.ts';
import type { StreamKeyService } from '../stream-keys.ts';
import { HLS_DIR, HlsPackager, RECORDING_FILE } from './hls-packager.ts';
import { RtmpServer, type RtmpPublisherSession } from './rtmp-server.ts';
import { SegmentPublisher } from './segment-publisher.ts';

const FLV_H264 = 7;
const FLV_AAC = 10;
const CODEC_WAIT_MS = 5000;

export interface LiveIngestDeps {
  config: LiveConfig;
  dataDir: string;
  storage: ObjectStorage;
  keys: StreamKeyService;
  liveStreams: LiveStreamService;
  logger: Logger;
  /** A stream went live (not on a reconnect): tell subscribers, open its chat. */
  onLive(stream: LiveStreamRow): Promise<void>;
  /** The stream ended; the recording file is complete. */
  onEnded(stream: LiveStreamRow, recordingPath: string): Promise<void>;
}

interface ActiveStream {
  stream: LiveStreamRow;
  publisher: RtmpPublisherSession;
  packager?: HlsPackager;
  segments?: SegmentPublisher;
  workDir: string;
  maxDuration: NodeJS.Timeout;
}

/**
 * The RTMP ingest: checks the stream key at connect (unknown or revoked keys and streams over the
 * limits are disconnected before anything is packaged), turns an accepted publish into a live stream,
 * packages it to HLS in object storage, and ends it when the encoder has been gone for the reconnect
 * grace or the stream reached its maximum duration.
 */
export class LiveIngest {
  private readonly rtmp: RtmpServer;
  private readonly active = new Map<string, ActiveStream>();
  private readonly node = `${hostname()}:${process.pid}`;
  private port = 0;

  constructor(private readonly deps: LiveIngestDeps) {
    this.rtmp = new RtmpServer({ reconnectGraceMs: deps.config.reconnectGraceSeconds * 1000 });
    this.rtmp.on('publish', (session) => void this.accept(session));
    this.rtmp.on('publishEnded', (session) => void this.finish(session));
  }

  async start(host = '0.0.0.0'): Promise<number> {
    this.port = await this.rtmp.listen(this.deps.config.rtmpPort, host);
    this.deps.logger.info({ port: this.port }, 'live RTMP ingest listening');
    return this.port;
  }

  /** Ends every stream this process holds (shutdown), then stops listening. */
  async close(): Promise<void> {
    await Promise.all([...this.active.values()].map((entry) => this.end(entry)));
    await this.rtmp.close();
  }

  private async accept(session: RtmpPublisherSession): Promise<void> {
    const { keys, liveStreams, logger } = this.deps;
    try {
      const channelId = session.streamApp === 'live' ? await keys.channelOf(session.streamName) : undefined;
      if (!channelId) {
        logger.warn({ ip: session.ip }, 'RTMP publish refused: unknown or revoked stream key');
        session.close();
        return;
      }
      const existing = this.active.get(channelId);
      if (existing) {
        // The same encoder came back within the grace: the packager never left, keep going.
        existing.publisher = session;
        logger.info({ streamId: existing.stream.id }, 'encoder reconnected');
        return;
      }
      const { stream } = await liveStreams.startFromIngest(channelId, this.node);
      const workDir = join(this.deps.dataDir, 'live', stream.id);
      const maxDuration = setTimeout(() => {
        logger.info({ streamId: stream.id }, 'live stream reached its maximum duration');
        void this.end(entry);
      }, this.deps.config.maxDurationSeconds * 1000);
      const entry: ActiveStream = { stream, publisher: session, workDir, maxDuration };
      this.active.set(channelId, entry);
      await this.startPackaging(entry);
      await this.deps.onLive(stream);
    } catch (error) {
      const reason = error instanceof AppError ? error.message : 'the ingest failed';
      logger.warn({ err: error, ip: session.ip }, `RTMP publish refused: ${reason}`);
      session.close();
    }
  }

  private async startPackaging(entry: ActiveStream): Promise<void> {
    const { config, storage, logger } = this.deps;
    await rm(entry.workDir, { recursive: true, force: true });
    await mkdir(join(entry.workDir, HLS_DIR), { recursive: true });
    const codecs = await waitForCodecs(entry.publisher);
    entry.packager = new HlsPackager({
      inputUrl: `rtmp://127.0.0.1:${this.port}/live/${entry.publisher.streamName}`,
      workDir: entry.workDir,
      segmentSeconds: config.segmentSeconds,
      dvrWindowSeconds: config.dvrWindowSeconds,
      ladderHeights: config.ladderHeights,
      videoPassthrough: codecs.video === FLV_H264,
      hasAudio: codecs.audio !== 0,
      audioPassthrough: codecs.audio === FLV_AAC,
    });
    entry.segments = new SegmentPublisher({
      storage,
      hlsDir: join(entry.workDir, HLS_DIR),
      streamId: entry.stream.id,
      onError: (error) => logger.warn({ err: error, streamId: entry.stream.id }, 'live segment upload failed'),
    });
    entry.segments.start();
    void entry.packager.exited.then((code) => {
      if (code !== 0 && code !== 255 && this.active.get(entry.stream.channel_id) === entry) {
        logger.error({ code, stderr: entry.packager?.errorOutput, streamId: entry.stream.id }, 'live packager exited');
      }
    });
  }

  private async finish(session: RtmpPublisherSession): Promise<void> {
    const entry = [...this.active.values()].find((candidate) => candidate.publisher === session);
    if (entry) await this.end(entry);
  }

  private async end(entry: ActiveStream): Promise<void> {
    if (this.active.get(entry.stream.channel_id) !== entry) return;
    this.active.delete(entry.stream.channel_id);
    clearTimeout(entry.maxDuration);
    entry.publisher.close();
    const { liveStreams, logger } = this.deps;
    try {
      await entry.packager?.stop();
      await entry.segments?.stop();
      const ended = await liveStreams.transition(entry.stream.id, ['live'], 'ended');
      logger.info({ streamId: entry.stream.id }, 'live stream ended');
      if (ended) await this.deps.onEnded(ended, join(entry.workDir, RECORDING_FILE));
    } catch (error) {
      logger.error({ err: error, streamId: entry.stream.id }, 'ending the live stream failed');
    } finally {
      await rm(entry.workDir, { recursive: true, force: true });
    }
  }
}

/** The codecs arrive with the first packets after the publish command; wait briefly for both. */
async function waitForCodecs(session: RtmpPublisherSession): Promise<{ video: number; audio: number }> {
  const deadline = Date.now() + CODEC_WAIT_MS;
  while (Date.now() < deadline && (session.videoCodec === 0 || session.audioCodec === 0)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { video: session.videoCodec, audio: session.audioCodec };
}
