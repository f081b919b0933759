import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createShare,
  fetchRevision,
  listRevisions,
  restoreRevision,
  revokeShare,
  listShares,
  saveRevision,
  type Note,
} from './notes-api.ts';

/** Study-group links: create one (view or edit), copy it, revoke it. */
export function ShareDialog({ note, onClose }: { note: Note; onClose: () => void }) {
  const queryClient = useQueryClient();
  const shares = useQuery({ queryKey: ['note-shares', note.id], queryFn: () => listShares(note.id) });
  const [link, setLink] = useState<string | null>(null);
  const create = async (role: 'view' | 'edit') => {
    const share = await createShare(note.id, role);
    setLink(`${location.origin}/notes/join/${share.token}`);
    await queryClient.invalidateQueries({ queryKey: ['note-shares', note.id] });
  };
  return (
    <div role="dialog" aria-label="Share notes" className="note-dialog">
      <h3>Invite a study group</h3>
      <div className="note-dialog-actions">
        <button type="button" onClick={() => void create('edit')}>
          Create edit link
        </button>
        <button type="button" onClick={() => void create('view')}>
          Create view link
        </button>
      </div>
      {link && <input readOnly aria-label="Invitation link" value={link} onFocus={(e) => e.currentTarget.select()} />}
      <ul className="note-list">
        {shares.data?.map((share) => (
          <li key={share.id}>
            {share.role} link · {share.members} joined {share.revokedAt ? '· revoked' : ''}
            {!share.revokedAt && (
              <button
                type="button"
                onClick={() =>
                  void revokeShare(note.id, share.id).then(() =>
                    queryClient.invalidateQueries({ queryKey: ['note-shares', note.id] }),
                  )
                }
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** Named versions: save the current text, view a past one, restore it. */
export function HistoryPanel({ note }: { note: Note }) {
  const queryClient = useQueryClient();
  const revisions = useQuery({ queryKey: ['note-revisions', note.id], queryFn: () => listRevisions(note.id) });
  const [name, setName] = useState('');
  const [shown, setShown] = useState<{ id: string; markdown: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['note-revisions', note.id] });
  return (
    <section aria-label="Versions" className="note-history">
      {note.role === 'edit' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) return;
            void saveRevision(note.id, name.trim()).then(() => {
              setName('');
              return refresh();
            });
          }}
        >
          <input
            aria-label="Version name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Name this version"
          />
          <button type="submit">Save version</button>
        </form>
      )}
      <ul className="note-list">
        {revisions.data?.map((revision) => (
          <li key={revision.id}>
            <span>
              {revision.name} <span className="muted">{new Date(revision.createdAt).toLocaleString()}</span>
            </span>
            <button type="button" onClick={() => void fetchRevision(note.id, revision.id).then(setShown)}>
              View
            </button>
            {note.role === 'edit' && (
              <button type="button" onClick={() => void restoreRevision(note.id, revision.id)}>
                Restore {revision.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      {shown && (
        <pre aria-label="Past version" className="note-past">
          {shown.markdown}
        </pre>
      )}
    </section>
  );
}
