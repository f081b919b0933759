// Shared by the notes tests and bench/collab.ts: real Hocuspocus clients (Node, over `ws`) editing a note.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { docFromState, NOTE_FIELD } from './note-content.ts';
import { NOTES_SOCKET_PATH } from './note-socket.ts';

export interface Editor {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves with the reason the server closed the note with (NOTE_CLOSE: malformed-update, forbidden, ...). */
  closed: Promise<string>;
  /** Resolves once the first sync finished; rejects when authentication fails. */
  synced: Promise<void>;
  /** Plain text of the note (all paragraphs joined with newlines). */
  text(): string;
  /** Appends a paragraph holding `text`, as the TipTap editor would. */
  addParagraph(text: string): void;
  close(): void;
}

export function connectEditor(baseUrl: string, noteId: string, token: string, doc = new Y.Doc()): Editor {
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}${NOTES_SOCKET_PATH}`,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  let resolveClosed!: (reason: string) => void;
  const closed = new Promise<string>((resolve) => (resolveClosed = resolve));
  socket.on('close', ({ event }: { event: { reason: string } }) => resolveClosed(String(event.reason)));
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const synced = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `note:${noteId}`,
    token,
    document: doc,
    onSynced: () => settle.resolve(),
    onAuthenticationFailed: ({ reason }) => settle.reject(new Error(`authentication failed: ${reason}`)),
  });
  // A refusal closes the note inside the protocol (the socket may carry other notes), so listen there too.
  provider.on('close', ({ event }: { event: { reason: string } }) => resolveClosed(String(event.reason)));
  provider.attach();
  const fragment = doc.getXmlFragment(NOTE_FIELD);
  return {
    doc,
    provider,
    socket,
    closed,
    synced,
    text: () => plainText(doc),
    addParagraph(text) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.push([paragraph]);
    },
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Plain text of a note (all paragraphs joined with newlines). */
export function plainText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(NOTE_FIELD)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((c) => c.toString())
            .join('')
        : '',
    )
    .join('\n');
}

/** Plain text of a stored state (NoteStore.load). */
export function textOf(state: Uint8Array): string {
  const doc = docFromState(state);
  try {
    return plainText(doc);
  } finally {
    doc.destroy();
  }
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
