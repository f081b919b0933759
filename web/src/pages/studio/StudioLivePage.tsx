import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { RequireSignIn } from '../../auth/RequireSignIn.tsx';
import { useAuth } from '../../auth/auth-context.tsx';
import {
  createStreamKey,
  fetchChannelStreams,
  fetchIngestInfo,
  fetchStreamKeys,
  revokeStreamKey,
  rotateStreamKey,
  scheduleStream,
} from '../../live/live-api.ts';
import '../../live/live.css';
import { ChatModeratorsSection } from './ChatModeratorsSection.tsx';

/** /studio/live — stream keys (each shown once), where to point OBS, chat moderators and the channel's streams. */
export default function StudioLivePage() {
  return (
    <RequireSignIn what="live streaming">
      <StudioLive />
    </RequireSignIn>
  );
}

function StudioLive() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const ingest = useQuery({ queryKey: ['live-ingest'], queryFn: fetchIngestInfo });
  const keys = useQuery({ queryKey: ['live-keys'], queryFn: fetchStreamKeys });
  const streams = useQuery({
    queryKey: ['live-streams', user?.id],
    queryFn: () => fetchChannelStreams(user!.id),
    enabled: !!user,
  });
  const refreshKeys = () => queryClient.invalidateQueries({ queryKey: ['live-keys'] });
  const create = useMutation({
    mutationFn: createStreamKey,
    onSuccess: (key) => (setRevealed(key.key), refreshKeys()),
  });
  const rotate = useMutation({
    mutationFn: rotateStreamKey,
    onSuccess: (key) => (setRevealed(key.key), refreshKeys()),
  });
  const revoke = useMutation({ mutationFn: revokeStreamKey, onSuccess: refreshKeys });
  const schedule = useMutation({ mutationFn: scheduleStream, onSuccess: (stream) => navigate(`/live/${stream.id}`) });
  const error = create.error ?? rotate.error ?? revoke.error ?? schedule.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) schedule.mutate(title.trim());
  };

  return (
    <section className="studio-live">
      <h1 className="page-title">Go live</h1>
      <p>
        In OBS: Settings → Stream → Service “Custom…”, Server{' '}
        <code data-testid="rtmp-url">{ingest.data?.rtmpUrl ?? '…'}</code>, and your stream key below. Use H.264 + AAC
        with a keyframe every {ingest.data?.segmentSeconds ?? 2} s.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <h2>Stream keys</h2>
      {revealed && (
        <div role="status">
          <p>Copy your new key now: it is shown only once.</p>
          <p className="studio-live-key" data-testid="new-stream-key">
            {revealed}
          </p>
        </div>
      )}
      <ul>
        {keys.data?.map((key) => (
          <li key={key.id}>
            <code>{key.prefix}…</code>{' '}
            <button type="button" className="button" onClick={() => rotate.mutate(key.id)}>
              Rotate
            </button>{' '}
            <button type="button" className="button" onClick={() => revoke.mutate(key.id)}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button primary" onClick={() => create.mutate()}>
        Create a stream key
      </button>
      <h2>Schedule a stream</h2>
      <form onSubmit={submit} className="chat-composer">
        <input
          aria-label="Stream title"
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" className="button primary">
          Schedule
        </button>
      </form>
      {user && <ChatModeratorsSection channelId={user.id} />}
      <h2>Your streams</h2>
      <ul>
        {streams.data?.map((stream) => (
          <li key={stream.id}>
            <Link to={`/live/${stream.id}`}>{stream.title}</Link> · {stream.status}
          </li>
        ))}
      </ul>
    </section>
  );
}
