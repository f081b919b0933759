import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { RequireChannel } from '../../auth/RequireChannel.tsx';
import { useAuth } from '../../auth/auth-context.tsx';
import {
  createStreamKey,
  fetchChannelStreams,
  fetchIngestInfo,
  fetchStreamKeys,
  revokeStreamKey,
  rotateStreamKey,
  type LiveStream,
} from '../../live/live-api.ts';
import { ScheduleStreamForm } from '../../live/ScheduleStreamForm.tsx';
import '../../live/live.css';
import { ChatModeratorsSection } from './ChatModeratorsSection.tsx';
import { FormError } from '../../components/FormError.tsx';

/** /studio/live — stream keys (each shown once), where to point OBS, chat moderators and the channel's streams. */
export default function StudioLivePage() {
  return (
    <RequireChannel what="live streaming" purpose="to go live">
      <StudioLive />
    </RequireChannel>
  );
}

function StudioLive() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [revealed, setRevealed] = useState<string | null>(null);
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
  const error = create.error ?? rotate.error ?? revoke.error;

  return (
    <section className="studio-live">
      <h1 className="page-title">Go live</h1>
      <p>
        In OBS: Settings → Stream → Service “Custom…”, Server{' '}
        <code data-testid="rtmp-url">{ingest.data?.rtmpUrl ?? '…'}</code>, and your stream key below. Use H.264 + AAC
        with a keyframe every {ingest.data?.segmentSeconds ?? 2} s.
      </p>
      <FormError message={error?.message} />
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
      <ScheduleStreamForm onScheduled={(stream) => navigate(`/live/${stream.id}`)} />
      {user && <ChatModeratorsSection channelId={user.id} />}
      <h2>Your streams</h2>
      {streams.data?.length === 0 && (
        <p className="muted">No streams yet: schedule one above, or just start your encoder.</p>
      )}
      <ul className="studio-streams">
        {streams.data?.map((stream) => (
          <li key={stream.id}>
            <Link to={`/live/${stream.id}`}>{stream.title}</Link> · {describeStream(stream)}
          </li>
        ))}
      </ul>
    </section>
  );
}

const STREAM_STATUS: Record<LiveStream['status'], string> = {
  scheduled: 'scheduled',
  live: 'live now',
  ended: 'ended',
  processing: 'recording being processed',
  ready: 'recording ready',
  failed: 'recording failed',
};

/** "premiere · scheduled for 12/8/2026, 10:00 AM", "live now", "recording ready". */
function describeStream(stream: LiveStream): string {
  const status = STREAM_STATUS[stream.status];
  const kind = stream.kind === 'premiere' ? 'premiere · ' : '';
  if (stream.status === 'scheduled' && stream.scheduledAt) {
    return `${kind}${status} for ${new Date(stream.scheduledAt).toLocaleString()}`;
  }
  return `${kind}${status}`;
}
