import type { Document } from '@hocuspocus/server';
import type WebSocket from 'ws';

/** What other editors see of a person: set by the server, never taken from the client. */
export interface PresenceUser {
  name: string;
  color: string;
}

const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#008080', '#9a6324', '#800000'];

/** A colour per account, the same for every note and every screen. */
export function presenceColour(userId: string): string {
  return COLOURS[[...userId].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7) % COLOURS.length]!;
}

/**
 * Makes the `user` field of every awareness state a connection sends say who that connection
 * authenticated as (its JWT's account), whatever the client wrote there: a client can put any name in
 * its own state, so the server rewrites it before passing the state on.
 *
 * y-protocols emits `change` (a state differs from the one held) before `update`, and Hocuspocus
 * broadcasts to the other connections and publishes to Redis on `update`, encoding the states it holds;
 * so rewriting the held state on `change` means no one, on this instance or another, receives the
 * claimed name. States arriving through Redis (no connection of this instance as origin) were rewritten
 * by the instance their editor is connected to.
 */
export function enforcePresenceIdentity(
  document: Document,
  identityOf: (context: unknown) => PresenceUser | undefined,
): void {
  const { awareness } = document;
  awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    const connection = document.connections.get(origin as WebSocket)?.connection;
    if (!connection) return;
    const identity = identityOf(connection.context);
    if (!identity) return;
    for (const clientId of [...added, ...updated]) {
      const state = awareness.states.get(clientId);
      if (!state) continue;
      const claimed = state.user as Partial<PresenceUser> | undefined;
      if (claimed?.name === identity.name && claimed.color === identity.color) continue;
      awareness.states.set(clientId, { ...state, user: identity });
    }
  });
}
