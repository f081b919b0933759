import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import net from 'node:net';

/**
 * The RTMP protocol comes from node-media-server (its session and broadcast classes, not its whole
 * server, which would bring an admin HTTP API, a JSON store and process.exit on a busy port). This
 * file gives it a listener of our own (port 0 works, errors are ours to handle) and narrows its
 * events to what the ingest needs.
 */
const require = createRequire(import.meta.url);

/** The parts of node-media-server's session the ingest uses. */
export interface RtmpPublisherSession {
  id: string;
  ip: string;
  streamApp: string;
  streamName: string;
  /** FLV codec ids once the stream's headers arrived: 7 is H.264, 10 is AAC, 0 not known yet. */
  videoCodec: number;
  audioCodec: number;
  isPublisher?: boolean;
  broadcast: { publishGraceMs: number; publisher: unknown };
  close(): void;
}

interface NmsContext {
  config: Record<string, unknown>;
  eventEmitter: EventEmitter;
}

type RtmpSessionClass = new (socket: net.Socket) => { run(): void; id: string };

const context = require('node-media-server/src/core/context.js') as NmsContext;
const nmsLogger = require('node-media-server/src/core/logger.js') as { level: string };
const RtmpSession = require('node-media-server/src/session/rtmp_session.js') as RtmpSessionClass;

const LOOPBACK = /^(?:127\.|::1|::ffff:127\.)/;

export interface RtmpServerEvents {
  /** An encoder started publishing `app/name`; the listener validates it (and may close the session). */
  publish: [session: RtmpPublisherSession];
  /** The publisher left and did not come back within the reconnect grace. */
  publishEnded: [session: RtmpPublisherSession];
}

/** One per process: node-media-server keeps its sessions and broadcasts in module-level state. */
export class RtmpServer extends EventEmitter<RtmpServerEvents> {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly options: { reconnectGraceMs: number }) {
    super();
    // Its console logging would interleave with the process's JSON logs; warnings and errors only.
    nmsLogger.level = 'warn';
    context.config = { rtmp: { chunk_size: 60000, gop_cache: true, ping: 30, ping_timeout: 60 } };
    context.eventEmitter.on('prePublish', this.onPrePublish);
    context.eventEmitter.on('donePublish', this.onDonePublish);
    context.eventEmitter.on('prePlay', this.onPrePlay);
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    context.eventEmitter.off('prePublish', this.onPrePublish);
    context.eventEmitter.off('donePublish', this.onDonePublish);
    context.eventEmitter.off('prePlay', this.onPrePlay);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    new RtmpSession(socket).run();
  }

  private readonly onPrePublish = (session: RtmpPublisherSession) => {
    // node-media-server keeps a dropped publish open this long, so the same encoder can resume it.
    session.broadcast.publishGraceMs = this.options.reconnectGraceMs;
    this.emit('publish', session);
  };

  private readonly onDonePublish = (session: RtmpPublisherSession) => this.emit('publishEnded', session);

  /** Only the packager on this host pulls streams back out: viewers watch HLS, never RTMP. */
  private readonly onPrePlay = (session: RtmpPublisherSession) => {
    if (!LOOPBACK.test(session.ip)) session.close();
  };
}
