import { useEffect, useMemo, useState } from 'react';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import * as Y from 'yjs';
import { refreshAccessToken } from '../api/client.ts';
import { readTokens } from '../auth/token-store.ts';
import { notesSocketUrl, type Note } from './notes-api.ts';
import { StableRemoteSelection } from './stable-selection.ts';
import { Timestamp } from './timestamp-mark.ts';
import { FormError } from '../components/FormError.tsx';

/** Why the server closed the note, in words (see NOTE_CLOSE on the server). */
const REFUSALS: Record<string, string> = {
  'malformed-update': 'An edit could not be read; reload to continue.',
  forbidden: 'You no longer have access to these notes.',
  'document-too-large': 'These notes reached their size limit; your last edit was not saved.',
};

interface Peer {
  clientId: number;
  name: string;
  color: string;
}

interface Props {
  note: Note;
  me: { id: string; username: string };
  onSeek: (seconds: number) => void;
  currentTime: () => number;
}

/** The TipTap editor bound to the note's Yjs document through the notes socket, with everyone's carets. */
export function NoteEditor({ note, me, onSeek, currentTime }: Props) {
  const editable = note.role === 'edit';
  // A refused token is usually an expired access token: refresh it once and connect again.
  const [attempt, setAttempt] = useState(0);
  const { doc, provider } = useMemo(() => {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: notesSocketUrl() });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: note.documentName,
      document: doc,
      token: () => readTokens()?.accessToken ?? '',
    });
    provider.attach();
    return { doc, provider };
  }, [note.documentName, attempt]);
  const [status, setStatus] = useState('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);

  useEffect(() => {
    const onStatus = ({ status }: { status: string }) => setStatus(status);
    const onClose = ({ event }: { event: { reason?: string } }) => {
      if (event.reason && REFUSALS[event.reason]) setRefusal(REFUSALS[event.reason]!);
    };
    const onAwareness = () => {
      const states = provider.awareness?.getStates() ?? new Map();
      setPeers(
        [...states.entries()]
          .filter(([clientId, state]) => clientId !== doc.clientID && state.user)
          .map(([clientId, state]) => ({ clientId, name: String(state.user.name), color: String(state.user.color) })),
      );
    };
    // The browser knows first when the network goes: stop sending, keep editing locally, sync when back.
    const socket = provider.configuration.websocketProvider;
    const goOffline = () => socket.disconnect();
    const goOnline = () => void socket.connect();
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    const onAuthenticationFailed = () => {
      if (attempt > 0) return setRefusal(REFUSALS.forbidden!);
      void refreshAccessToken().then((token) => (token ? setAttempt(1) : setRefusal(REFUSALS.forbidden!)));
    };
    provider.on('authenticationFailed', onAuthenticationFailed);
    provider.on('status', onStatus);
    provider.on('close', onClose);
    provider.on('awarenessChange', onAwareness);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      provider.off('authenticationFailed', onAuthenticationFailed);
      provider.off('status', onStatus);
      provider.off('close', onClose);
      provider.off('awarenessChange', onAwareness);
      provider.configuration.websocketProvider.destroy();
      provider.destroy();
      doc.destroy();
    };
  }, [provider, doc, attempt]);

  const editor = useEditor(
    {
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Timestamp.configure({ onSeek }),
        // Undo and redo come with the collaboration: each editor undoes only their own changes.
        Collaboration.configure({ document: doc }),
        // The server replaces the name and colour others see with the account's (note-presence.ts).
        CollaborationCaret.configure({ provider, user: { name: me.username } }),
        StableRemoteSelection,
      ],
      editorProps: { attributes: { 'aria-label': 'Note text', class: 'note-text' } },
    },
    [doc, provider, editable],
  );

  return (
    <div className="note-editor">
      <div className="note-presence" aria-label="Who is here">
        <span className={`note-status note-status-${status}`}>
          {status === 'connected' ? 'Live' : 'Offline — edits are kept'}
        </span>
        {peers.map((peer) => (
          <span
            key={peer.clientId}
            className="note-peer"
            style={{ borderColor: peer.color }}
            title={`${peer.name} is here`}
          >
            {peer.name}
          </span>
        ))}
      </div>
      <FormError message={refusal} />
      {editable ? (
        <div className="note-toolbar" role="toolbar" aria-label="Formatting">
          <button type="button" onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()}>
            Heading
          </button>
          <button type="button" onClick={() => editor?.chain().focus().toggleBold().run()}>
            Bold
          </button>
          <button type="button" onClick={() => editor?.chain().focus().toggleBulletList().run()}>
            List
          </button>
          <button type="button" onClick={() => editor?.chain().focus().toggleCodeBlock().run()}>
            Code
          </button>
          <button type="button" onClick={() => editor?.chain().focus().insertTimestamp(currentTime()).run()}>
            Insert timestamp
          </button>
          <button type="button" onClick={() => editor?.chain().focus().undo().run()}>
            Undo
          </button>
          <button type="button" onClick={() => editor?.chain().focus().redo().run()}>
            Redo
          </button>
        </div>
      ) : (
        <p className="muted note-readonly">View only</p>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
