import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/auth-context.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { HistoryPanel, ShareDialog } from './NoteTools.tsx';
import { downloadExport, listNotes, notesKey, openNote, type SubjectKind } from './notes-api.ts';
import './notes.css';

interface Props {
  subjectKind: SubjectKind;
  subjectId: string;
  onSeek: (seconds: number) => void;
  currentTime: () => number;
}

/** Shared notes beside a video or lesson: pick a note (team, mine, shared with me), edit it live together. */
export function NotesPanel({ subjectKind, subjectId, onSeek, currentTime }: Props) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const notes = useQuery({
    queryKey: notesKey(subjectKind, subjectId),
    queryFn: () => listNotes(subjectKind, subjectId),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  const [history, setHistory] = useState(false);
  const list = notes.data ?? [];
  const note = list.find((n) => n.id === selectedId) ?? list.find((n) => n.ownerId === user?.id) ?? list[0];
  const start = async (kind: 'team' | 'personal') => {
    const opened = await openNote(subjectKind, subjectId, kind);
    await queryClient.invalidateQueries({ queryKey: notesKey(subjectKind, subjectId) });
    setSelectedId(opened.id);
  };
  const hasMine = list.some((n) => n.kind === 'personal' && n.ownerId === user?.id);

  return (
    <section className="notes-panel" aria-label="Notes">
      <header className="notes-header">
        <h2>Notes</h2>
        {list.length > 1 && (
          <select aria-label="Which notes" value={note?.id} onChange={(e) => setSelectedId(e.target.value)}>
            {list.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title}
                {n.role === 'view' ? ' (view only)' : ''}
              </option>
            ))}
          </select>
        )}
        {user && !hasMine && (
          <button type="button" className="button" onClick={() => void start('personal')}>
            Start my notes
          </button>
        )}
      </header>
      {!user && list.length === 0 && <p className="muted">Sign in to take notes.</p>}
      {note && user && (
        <>
          <div className="notes-actions">
            {note.kind === 'personal' && note.ownerId === user.id && (
              <button type="button" onClick={() => setSharing(true)}>
                Share
              </button>
            )}
            <button type="button" aria-pressed={history} onClick={() => setHistory(!history)}>
              History
            </button>
            <button type="button" onClick={() => void downloadExport(note.id, 'md')}>
              Markdown
            </button>
            <button type="button" onClick={() => void downloadExport(note.id, 'pdf')}>
              PDF
            </button>
          </div>
          {sharing && <ShareDialog note={note} onClose={() => setSharing(false)} />}
          {history && <HistoryPanel note={note} />}
          <NoteEditor key={note.id} note={note} me={user} onSeek={onSeek} currentTime={currentTime} />
        </>
      )}
    </section>
  );
}
