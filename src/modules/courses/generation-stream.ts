import type { FastifyReply, FastifyRequest } from 'fastify';
import { openEventStream } from '../../platform/http/event-stream.ts';
import type { PubSub } from '../../platform/pubsub/pubsub.ts';

/** A generation's row changed (stage, progress, completion): the row itself is re-read. */
const channelOf = (generationId: string) => `course-generation:${generationId}`;
/** Heartbeats keep proxies from closing the stream; each also re-reads the row (pub/sub is fire-and-forget). */
const HEARTBEAT_MS = 15_000;

export function publishGenerationChange(pubsub: PubSub, generationId: string): Promise<void> {
  return pubsub.publish(channelOf(generationId), { changed: true });
}

/**
 * Streams a generation as Server-Sent Events: its state at once, then again whenever a worker (in this
 * or any other process) publishes a change, until it is `completed` or `failed`. Subscribes before the
 * first read, so nothing published in between is missed; the row stays the one truth.
 */
export function streamGeneration<T extends { status: string }>(
  pubsub: PubSub,
  request: FastifyRequest,
  reply: FastifyReply,
  generationId: string,
  read: () => Promise<T>,
): void {
  const raw = openEventStream(request, reply);
  let closed = false;
  let last = '';
  let unsubscribe: (() => Promise<void>) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  // Reads run one at a time, in order, so an older state never overwrites a newer one.
  let reading = Promise.resolve();
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    void unsubscribe?.();
    raw.end();
  };
  const deliver = async () => {
    if (closed) return;
    const state = await read();
    if (closed) return;
    const data = JSON.stringify(state);
    const type = state.status === 'completed' || state.status === 'failed' ? state.status : 'progress';
    if (data !== last) raw.write(`event: ${type}\ndata: ${data}\n\n`);
    last = data;
    if (type !== 'progress') finish();
  };
  const recheck = () => {
    reading = reading.then(deliver).catch((error: unknown) => {
      request.log.warn({ err: error, generationId }, 'generation stream read failed');
      finish();
    });
  };
  request.raw.on('close', finish);
  void (async () => {
    unsubscribe = await pubsub.subscribe(channelOf(generationId), recheck);
    if (closed) return void unsubscribe();
    recheck();
    heartbeat = setInterval(() => {
      if (!closed) raw.write(': heartbeat\n\n');
      recheck();
    }, HEARTBEAT_MS);
  })().catch((error: unknown) => {
    request.log.error({ err: error, generationId }, 'generation stream failed');
    finish();
  });
}
