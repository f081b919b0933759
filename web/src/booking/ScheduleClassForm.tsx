import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/auth-context.tsx';
import { builderApi } from '../courses/builder-api.ts';
import { fetchChannelStreams, scheduleStream } from '../live/live-api.ts';
import { bookingApi, type LiveClass } from './booking-api.ts';
import { FormError } from '../components/FormError.tsx';

const NEW_STREAM = 'new';

/** Schedules a class: on a new live stream at a chosen time, or on one of the creator's scheduled streams or premieres. */
export function ScheduleClassForm({ onScheduled }: { onScheduled: (cls: LiveClass) => void }) {
  const { user } = useAuth();
  const streams = useQuery({
    queryKey: ['live-streams', user?.id],
    queryFn: () => fetchChannelStreams(user!.id),
    enabled: !!user,
  });
  const courses = useQuery({ queryKey: ['courses', 'mine'], queryFn: builderApi.mine });
  const [streamId, setStreamId] = useState(NEW_STREAM);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [capacity, setCapacity] = useState('20');
  const [price, setPrice] = useState('0');
  const [cutoff, setCutoff] = useState('60');
  const [courseId, setCourseId] = useState('');
  const schedulable = (streams.data ?? []).filter(
    (stream) => stream.status === 'scheduled' && stream.scheduledAt && Date.parse(stream.scheduledAt) > Date.now(),
  );
  const schedule = useMutation({
    mutationFn: async () => {
      const stream =
        streamId === NEW_STREAM
          ? await scheduleStream({ title: title.trim(), scheduledAt: new Date(startsAt).toISOString() })
          : { id: streamId };
      return bookingApi.schedule({
        streamId: stream.id,
        capacity: Number(capacity),
        priceCents: Math.round(Number(price) * 100),
        cancelCutoffMinutes: Number(cutoff),
        ...(courseId ? { courseId } : {}),
      });
    },
    onSuccess: onScheduled,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate();
  };
  const creatingStream = streamId === NEW_STREAM;

  return (
    <form className="schedule-class-form" onSubmit={submit}>
      <FormError message={schedule.error?.message} />
      <label>
        Stream or premiere
        <select value={streamId} onChange={(event) => setStreamId(event.target.value)}>
          <option value={NEW_STREAM}>A new live stream…</option>
          {schedulable.map((stream) => (
            <option key={stream.id} value={stream.id}>
              {stream.title} ({stream.kind}, {new Date(stream.scheduledAt!).toLocaleString()})
            </option>
          ))}
        </select>
      </label>
      {creatingStream && (
        <>
          <label>
            Class title
            <input value={title} maxLength={200} required onChange={(event) => setTitle(event.target.value)} />
          </label>
          <label>
            Starts at
            <input
              type="datetime-local"
              value={startsAt}
              required
              onChange={(event) => setStartsAt(event.target.value)}
            />
          </label>
        </>
      )}
      <label>
        Seats
        <input
          type="number"
          min={1}
          max={10000}
          required
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
      </label>
      <label>
        Price (USD, 0 for free)
        <input type="number" min={0} step="0.01" value={price} onChange={(event) => setPrice(event.target.value)} />
      </label>
      <label>
        Cancellation closes (minutes before the start)
        <input type="number" min={0} max={43200} value={cutoff} onChange={(event) => setCutoff(event.target.value)} />
      </label>
      <label>
        Course (optional)
        <select value={courseId} onChange={(event) => setCourseId(event.target.value)}>
          <option value="">None</option>
          {courses.data?.map((course) => (
            <option key={course.id} value={course.id}>
              {course.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button primary" disabled={schedule.isPending}>
        Schedule class
      </button>
    </form>
  );
}
