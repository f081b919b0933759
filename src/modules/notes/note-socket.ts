import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Services } from '../services.ts';

/** Where editors connect (Hocuspocus protocol; the note is named `note:<id>` inside the protocol). */
export const NOTES_SOCKET_PATH = '/api/v1/notes/socket';

/** The shared WebSocket layer's frame limit: a whole note (an offline editor's catch-up) must fit in one frame. */
export const websocketMaxPayload = (config: Pick<Config, 'live' | 'notes'>) =>
  Math.max(config.live.chat.maxFrameBytes, config.notes.maxDocumentBytes + 64 * 1024);

/**
 * Mounts the notes' Hocuspocus server on StreamHub's HTTP server. Authentication happens inside the
 * protocol (the provider's token, the StreamHub access JWT), per document, so one socket can carry
 * several notes.
 */
export async function noteSocketRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { collab } = services.notes;
  app.addHook('onClose', async () => collab.close());
  app.get(
    NOTES_SOCKET_PATH,
    { websocket: true, config: { auth: 'optional' }, schema: { hide: true } },
    (socket, request) => {
      collab.hocuspocus.handleConnection(socket, request.raw);
    },
  );
}
