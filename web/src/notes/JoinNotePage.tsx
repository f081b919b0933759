import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { joinNote } from './notes-api.ts';

/** /notes/join/:token — joins the study group, then opens the page the notes are on. */
export default function JoinNotePage() {
  return (
    <RequireSignIn what="join these notes">
      <Joining />
    </RequireSignIn>
  );
}

function Joining() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    joinNote(token)
      .then((note) => navigate(note.path, { replace: true }))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'This link does not work'));
  }, [token, navigate]);
  return error ? <p className="form-error">{error}</p> : <p role="status">Joining the notes…</p>;
}
