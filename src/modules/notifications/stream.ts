import type { FastifyReply, FastifyRequest } from 'fastify';
import { openEventStream } from '../../platform/http/event-stream.ts';
import type { NotificationInbox } from './inbox.ts';
import type { LiveNotifications } from './live.ts';

const HEARTBEAT_MS = 15_000;

/**
 * The open tab's live feed, as Server-Sent Events: `unread` {unreadCount} at once and after every
 * change to the user's notifications (from any process, through pub/sub). Each heartbeat re-reads the
 * count too, so a change whose pub/sub message was lost still shows within HEARTBEAT_MS.
 */
export function streamNotifications(
  deps: { inbox: NotificationInbox; live: LiveNotifications },
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): void {
  const raw = openEventStream(request, reply);

  let closed = false;
  let stopListening: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let lastSent = -1;
  // Changes arriving while a count is being read coalesce into one more read, not a queue of them.
  let reading = false;
  let again = false;

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    stopListening?.();
    raw.end();
  };
  const send = async (force: boolean) => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const unreadCount = await deps.inbox.unreadCount(userId);
        if (closed) return;
        if (force || unreadCount !== lastSent) raw.write(`event: unread\ndata: ${JSON.stringify({ unreadCount })}\n\n`);
        lastSent = unreadCount;
        force = force || again;
      } while (again);
    } finally {
      reading = false;
    }
  };
  const report = (error: unknown) => request.log.warn({ err: error }, 'notification stream read failed');

  request.raw.on('close', finish);
  void (async () => {
    // Listen before the first read, so nothing that happens in between is missed.
    stopListening = await deps.live.listen(userId, () => void send(true).catch(report));
    if (closed) return stopListening();
    await send(true);
    heartbeat = setInterval(() => {
      raw.write(': heartbeat\n\n');
      send(false).catch(report);
    }, HEARTBEAT_MS);
  })().catch((error: unknown) => {
    request.log.error({ err: error }, 'notification stream failed');
    finish();
  });
}
