import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthenticatedUser } from '../../../platform/http/auth-guard.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { Services } from '../../services.ts';
import { chatSocketPath } from '../presenter.ts';
import type { ChatEvent, ChatMember } from './chat-hub.ts';
import { CLOSE, clientFrame, ERROR_WINDOW_MS, MAX_ERRORS_PER_WINDOW, type ClientFrame } from './chat-protocol.ts';
import { chatRepo, type ChatMessage } from './chat-repo.ts';
import { ChatRefusal } from './chat-service.ts';

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
      let userName: string | undefined;
      let leave: (() => Promise<void>) | undefined;
      let errors: number[] = [];
      // Frames are handled one at a time, in order: a client's messages keep their order.
      let queue: Promise<void> = Promise.resolve();
      let lastSentId = after ? BigInt(after) : -1n;
      let buffered: ChatEvent[] | undefined = [];

      const send = (frame: object) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      };
      const deliverEvent = (event: ChatEvent) => {
        if (event.type === 'message') {
          // History and live events overlap while joining: each message id goes out once, in order.
          const id = BigInt(event.message.id);
          if (id <= lastSentId && event.message.status === 'visible') return;
          if (id > lastSentId) lastSentId = id;
        }
        send(event);
      };
      const member: ChatMember = {
        get userId() {
          return user?.id;
        },
        deliver: (event) => {
          if (event.type !== 'presence' && buffered) buffered.push(event);
          else if (event.type === 'presence') send(event);
          else deliverEvent(event);
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
        queue = queue.then(async () => {
          await leave?.();
          if (user && userName) await hub.publish(streamId, { type: 'leave', user: { id: user.id, name: userName } });
        });
      });
      socket.on('error', () => socket.terminate());

      const opened = (async () => {
        const stream = await liveStreams.findById(streamId).catch(() => undefined);
        if (!stream) {
          send({ type: 'error', code: 'UNKNOWN_ROOM', message: 'No live stream or premiere with this id' });
          socket.close(CLOSE.unknownRoom, 'Unknown room');
          return;
        }
        leave = await hub.join(streamId, member);
        const history = await chatRepo.history(db, streamId, user?.id, after);
        send({
          type: 'ready',
          streamId,
          status: stream.status,
          presence: hub.presence(streamId),
          slowModeSeconds: stream.slow_mode_seconds,
          subscribersOnly: stream.subscribers_only,
        });
        for (const message of history) deliverEvent({ type: 'message', message });
        const pending = buffered ?? [];
        buffered = undefined;
        for (const event of pending) deliverEvent(event);
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
        if (!user) return fail('UNAUTHENTICATED', 'Sign in (an auth frame) to chat', { ref: frame.ref });
        const stream = await liveStreams.findById(streamId);
        if (!stream) return fail('UNKNOWN_ROOM', 'The stream is gone');
        try {
          await act(frame, stream, user);
        } catch (error) {
          if (!(error instanceof ChatRefusal)) throw error;
          fail(error.code, error.message, {
            ref: frame.ref,
            ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: Math.ceil(error.retryAfterSeconds) } : {}),
          });
        }
      }

      async function authenticate(token: string): Promise<void> {
        try {
          const claims = await services.accessTokens.verify(token);
          user = { id: claims.userId, role: claims.role };
        } catch {
          return fail('INVALID_TOKEN', 'The access token is invalid or expired');
        }
        const account = await services.users.get(user.id).catch(() => undefined);
        userName = account?.username ?? 'unknown';
        send({ type: 'authenticated', userId: user.id, name: userName });
        // This user's held messages, which a signed-out join did not include (shown to them as held).
        for (const message of await chatRepo.history(db, streamId, user.id)) {
          if (message.status === 'held') send({ type: 'message', message });
        }
        await hub.publish(streamId, { type: 'join', user: { id: user.id, name: userName } });
      }

      async function act(
        frame: Exclude<ClientFrame, { type: 'auth' | 'ping' }>,
        stream: Awaited<ReturnType<typeof liveStreams.get>>,
        actor: AuthenticatedUser,
      ) {
        switch (frame.type) {
          case 'send': {
            const message: ChatMessage = await chat.send(stream, actor, frame.body);
            send({ type: 'ack', ref: frame.ref, id: message.id, status: message.status });
            await hub.publish(streamId, { type: 'message', message });
            return;
          }
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
