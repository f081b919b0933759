import { z } from 'zod';

/** Frames a chat client sends (docs/LIVE.md, "Chat protocol"). `ref` is echoed in the answer. */
export const clientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('send'), body: z.string(), ref: z.string().max(64).optional() }),
  z.object({
    type: z.literal('delete'),
    messageId: z.string().regex(/^\d{1,19}$/),
    ref: z.string().max(64).optional(),
  }),
  z.object({
    type: z.literal('timeout'),
    userId: z.uuid(),
    seconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600),
    ref: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal('ban'), userId: z.uuid(), ref: z.string().max(64).optional() }),
  z.object({
    type: z.literal('pin'),
    messageId: z
      .string()
      .regex(/^\d{1,19}$/)
      .nullable(),
    ref: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

/** WebSocket close codes of the chat (1009, frame too big, comes from the WebSocket layer itself). */
export const CLOSE = {
  /** The stream id names no live stream or premiere. */
  unknownRoom: 4404,
  /** Too many bad or refused frames in a short time: the client is flooding. */
  flooding: 4429,
  /** The server is shutting down; reconnect (with `after`) elsewhere. */
  goingAway: 1001,
} as const;

/** Error frames before a socket counts as flooding and is closed. */
export const MAX_ERRORS_PER_WINDOW = 20;
export const ERROR_WINDOW_MS = 10_000;
