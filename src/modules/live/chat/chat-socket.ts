import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthenticatedUser } from '../../../platform/http/auth-guard.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { Services } from '../../services.ts';
import { chatSocketPath } from '../presenter.ts';
import { batchFrame, type ChatMember, type RoomBatch, type RoomEvent } from './chat-hub.ts';
import { CLOSE, clientFrame, ERROR_WINDOW_MS, MAX_ERRORS_PER_WINDOW, type ClientFrame } from './chat-protocol.ts';
import { chatRepo, type ChatMessage } from './chat-repo.ts';
import { ChatRefusal, type ChatAuthor } from './chat-service.ts';
import { compareIds, includesId } from './message-ids.ts';
import { writeWireFrame } from './wire-frame.ts';

/**
 * How long after joining a socket still checks live messages against the history it was sent: a
 * message stored before the history was read can still arrive as an event (its publish follows the
 * write), and must not be shown twice.
 */
const HISTORY_OVERLAP_MS = 60_000;

/** A join's history as one frame: a batch of `message` events. */
const historyFrame = (messages: readonly ChatMessage[]) =>
  batchFrame(messages.map((message) => JSON.stringify({ type: 'message', message })));

/**
 * Signed-out joins are given the room's in-memory array, which is replaced whenever it changes: a
 * crowd arriving at once shares one frame, kept as long as the array is.
 */
const sharedHistoryFrames = new WeakMap<readonly ChatMessage[], Buffer>();
function sharedHistoryFrame(messages: readonly ChatMessage[]): Buffer {
  let frame = sharedHistoryFrames.get(messages);
  if (!frame) {
    frame = Buffer.from(historyFrame(messages));
    sharedHistoryFrames.set(messages, frame);
  }
  return frame;
}

const socketQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
});

/**
 * The chat room socket: `GET /api/v1/live/streams/:id/chat[?after=<last message id>]`. A client joins
 * the room, gets the history it missed (all after `after`, or the latest messages), then live events;
 * it signs in with an `auth` frame to send and moderate. Bad frames get an error frame, never take
 * the process down; a client that keeps sending them is closed (4429).
 */
export async function liveChatSocketRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const { hub, chat, liveStreams } = services.live;
  const db = platform.database.db;
  // The WebSocket layer is shared with the notes socket (app.ts); chat frames keep their own, smaller limit.
  const maxFrameBytes = platform.config.live.chat.maxFrameBytes;
  app.addHook('onClose', async () => hub.close());

  app.get(
    chatSocketPath(':id'),
    { websocket: true, config: { auth: 'optional' }, schema: { hide: true } },
    (socket, request) => {
      const streamId = (request.params as { id: string }).id;
      const after = socketQuery.safeParse(request.query).data?.after;
      let user: AuthenticatedUser | undefined = request.user;
      let author: ChatAuthor | undefined;
      let leave: (() => Promise<void>) | undefined;
      let unwatchStanding: (() => void) | undefined;
      let errors: number[] = [];
      // Frames are handled one at a time, in order: a client's messages keep their order.
      let queue: Promise<void> = Promise.resolve();
      // Sent messages, in arrival order: stored, fanned out and acknowledged one after another.
      let ordered: Promise<void> = Promise.resolve();
      let delivered: Promise<void> = Promise.resolve();
      // History and live events overlap while joining: the history's messages (ascending ids) are not
      // sent again. Signed-out joins share the room's in-memory array; it is let go after the overlap.
      let history: readonly ChatMessage[] = [];
      let historyUntil = 0;
      // Room events that arrive before the history is sent wait here, in order.
      let buffered: Array<() => void> | undefined = [];

      const sendText = (text: string | Buffer) => {
        // A Buffer is the room's pre-built UTF-8 frame: sent as text, without re-encoding per socket.
        if (socket.readyState === socket.OPEN) socket.send(text, { binary: false });
      };
      const send = (frame: object) => sendText(JSON.stringify(frame));
      // The upgraded connection ws writes to: a room's shared frame goes to it ready-framed.
      const connection = request.raw.socket;
      const sendShared = (batch: RoomBatch) =>
        writeWireFrame(socket, connection, batch.wire, () => sendText(batch.frame));
      /** A message this socket already has: before the `after` it resumed from, or in its history. */
      const alreadySent = (event: RoomEvent) => {
        if (event.type !== 'message') return false;
        const id = event.message.id;
        return (after !== undefined && compareIds(id, after) <= 0) || includesId(history, id);
      };
      const deliverBatch = (batch: RoomBatch) => {
        if (history.length > 0 && Date.now() > historyUntil) history = [];
        // Most sockets (joined a while ago, not resumed) take the shared frame with no per-socket work.
        if (after === undefined && history.length === 0) return sendShared(batch);
        const kept = batch.texts.filter((_, index) => !alreadySent(batch.events[index]!));
        if (kept.length === batch.texts.length) sendShared(batch);
        else if (kept.length > 0) sendText(batchFrame(kept));
      };
      const member: ChatMember = {
        get userId() {
          return user?.id;
        },
        deliver: (batch) => {
          if (buffered) buffered.push(() => deliverBatch(batch));
          else deliverBatch(batch);
        },
        deliverOwn: (_event, text) => {
          if (buffered) buffered.push(() => sendText(text));
          else sendText(text);
        },
      };
      const fail = (code: string, message: string, extra: Record<string, unknown> = {}) => {
        const now = Date.now();
        errors = errors.filter((at) => now - at < ERROR_WINDOW_MS);
        errors.push(now);
        send({ type: 'error', code, message, ...extra });
        if (errors.length > MAX_ERRORS_PER_WINDOW) socket.close(CLOSE.flooding, 'Too many bad frames');
      };

      socket.on('message', (raw, isBinary) => {
        const bytes = Array.isArray(raw) ? raw.reduce((n, part) => n + part.length, 0) : raw.byteLength;
        if (bytes > maxFrameBytes) return socket.close(1009, 'Frame too big');
        queue = queue
          .then(() => handle(raw.toString(), isBinary))
          .catch((error: unknown) => {
            request.log.error({ err: error }, 'chat frame failed');
            fail('INTERNAL_ERROR', 'That did not work; try again');
          });
      });
      socket.on('close', () => {
        unwatchStanding?.();
        queue = queue.then(async () => {
          await leave?.();
          if (author) await hub.publish(streamId, { type: 'leave', user: { id: author.id, name: author.name } });
        });
      });
      socket.on('error', () => socket.terminate());

      const opened = (async () => {
        const stream = await chat.room(streamId);
        if (!stream) {
          send({ type: 'error', code: 'UNKNOWN_ROOM', message: 'No live stream or premiere with this id' });
          socket.close(CLOSE.unknownRoom, 'Unknown room');
          return;
        }
        leave = await hub.join(streamId, member);
        // A signed-out join without `after` (most viewers) gets the room's recent messages from memory.
        const shared = !user && after === undefined ? await hub.recent(streamId) : undefined;
        const joinHistory = shared ?? (await chatRepo.history(db, streamId, user?.id, after));
        send({
          type: 'ready',
          streamId,
          status: stream.status,
          presence: hub.presence(streamId),
          slowModeSeconds: stream.slow_mode_seconds,
          subscribersOnly: stream.subscribers_only,
        });
        if (joinHistory.length > 0) sendText(shared ? sharedHistoryFrame(shared) : historyFrame(joinHistory));
        history = joinHistory;
        historyUntil = Date.now() + HISTORY_OVERLAP_MS;
        const pending = buffered ?? [];
        buffered = undefined;
        for (const deliver of pending) deliver();
      })();
      queue = opened.catch((error: unknown) => {
        request.log.error({ err: error }, 'chat join failed');
        socket.close(1011, 'Chat unavailable');
      });

      async function handle(text: string, isBinary: boolean): Promise<void> {
        if (isBinary) return fail('INVALID_FRAME', 'Frames are JSON text');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return fail('INVALID_JSON', 'Frames are JSON objects');
        }
        const parsed = clientFrame.safeParse(json);
        if (!parsed.success) return fail('INVALID_FRAME', 'Unknown frame type or bad fields');
        const frame = parsed.data;
        if (frame.type === 'ping') return send({ type: 'pong' });
        if (frame.type === 'auth') return authenticate(frame.token);
        if (!author) return fail('UNAUTHENTICATED', 'Sign in (an auth frame) to chat', { ref: frame.ref });
        try {
          await act(frame, author);
        } catch (error) {
          refuse(error, frame.ref);
        }
      }

      /** A refusal becomes its error frame; anything else is logged and reported as INTERNAL_ERROR. */
      function refuse(error: unknown, ref: string | undefined): void {
        if (!(error instanceof ChatRefusal)) {
          request.log.error({ err: error }, 'chat frame failed');
          return fail('INTERNAL_ERROR', 'That did not work; try again', { ref });
        }
        fail(error.code, error.message, {
          ref,
          ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: Math.ceil(error.retryAfterSeconds) } : {}),
        });
      }

      async function authenticate(token: string): Promise<void> {
        try {
          const claims = await services.accessTokens.verify(token);
          user = { id: claims.userId, role: claims.role };
        } catch {
          return fail('INVALID_TOKEN', 'The access token is invalid or expired');
        }
        const account = await services.users.get(user.id).catch(() => undefined);
        author = { ...user, name: account?.username ?? 'unknown' };
        // The page shows moderation buttons from this: it does not know the channel's moderator list.
        const stream = await chat.room(streamId);
        const canModerate = stream ? await chat.canModerate(stream, user) : false;
        send({ type: 'authenticated', userId: user.id, name: author.name, canModerate });
        // Appointed or removed as a moderator while the page is open: its buttons follow at once.
        const watching = user;
        unwatchStanding?.();
        unwatchStanding = await chat.watchStanding(watching.id, (channelId) => {
          if (stream?.channel_id !== channelId) return;
          void chat
            .canModerate(stream, watching)
            .then((now) => send({ type: 'moderation', canModerate: now }))
            .catch((error: unknown) => request.log.error({ err: error }, 'chat standing check failed'));
        });
        if (socket.readyState !== socket.OPEN) unwatchStanding();
        // This user's held messages, which a signed-out join did not include (shown to them as held).
        for (const message of await chatRepo.history(db, streamId, user.id)) {
          if (message.status === 'held') send({ type: 'message', message });
        }
        await hub.publish(streamId, { type: 'join', user: { id: author.id, name: author.name } });
      }

      async function act(frame: Exclude<ClientFrame, { type: 'auth' | 'ping' }>, actor: ChatAuthor) {
        if (frame.type === 'send') {
          // Checked now, stored and fanned out in arrival order (chat-service.ts, admit).
          const admitted = chat.admit(streamId, actor, frame.body);
          admitted.catch(() => undefined);
          ordered = ordered.then(async () => {
            let written: Promise<ChatMessage>;
            try {
              written = chat.store(await admitted);
            } catch (error) {
              return refuse(error, frame.ref);
            }
            // Not awaited here: the next message's write joins this one's batch.
            delivered = delivered.then(async () => {
              try {
                const message = await written;
                void hub.publish(streamId, { type: 'message', message }).catch((error: unknown) => {
                  request.log.error({ err: error }, 'chat publish failed');
                });
                send({ type: 'ack', ref: frame.ref, id: message.id, status: message.status });
              } catch (error) {
                refuse(error, frame.ref);
              }
            });
          });
          return;
        }
        // Moderation reads the room afresh: it is rare, and must see the current status.
        const stream = await liveStreams.findById(streamId);
        if (!stream) throw new ChatRefusal('UNKNOWN_ROOM', 'The stream is gone');
        switch (frame.type) {
          case 'delete':
            await chat.deleteMessage(stream, actor, frame.messageId);
            await hub.publish(streamId, { type: 'deleted', messageId: frame.messageId });
            return send({ type: 'ack', ref: frame.ref });
          case 'timeout':
          case 'ban': {
            const seconds = frame.type === 'timeout' ? frame.seconds : undefined;
            await chat.restrict(stream, actor, frame.userId, seconds);
            const until = seconds ? new Date(Date.now() + seconds * 1000).toISOString() : null;
            await hub.publish(streamId, { type: 'restricted', userId: frame.userId, until });
            return send({ type: 'ack', ref: frame.ref });
          }
          case 'pin': {
            const message = await chat.pin(stream, actor, frame.messageId);
            await hub.publish(streamId, { type: 'pinned', message });
            return send({ type: 'ack', ref: frame.ref });
          }
        }
      }
    },
  );
}
