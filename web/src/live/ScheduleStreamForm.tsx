import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { FormField } from '../components/FormField.tsx';
import { scheduleStream, type LiveStream } from './live-api.ts';
import { FormError } from '../components/FormError.tsx';

/**
 * Announces a live stream: its title, what it is about and, optionally, when it starts (viewers then see
 * a countdown). Without a time the stream page waits for the encoder.
 */
export function ScheduleStreamForm({ onScheduled }: { onScheduled: (stream: LiveStream) => void }) {
  const descriptionId = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const schedule = useMutation({ mutationFn: scheduleStream, onSuccess: onScheduled });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = startsAt ? new Date(startsAt) : undefined;
    if (!title.trim()) return setProblem('Give the stream a title.');
    if (start && start.getTime() <= Date.now())
      return setProblem('Pick a start time in the future, or leave it empty.');
    setProblem(null);
    schedule.mutate({
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(start ? { scheduledAt: start.toISOString() } : {}),
    });
  };
  const error = problem ?? schedule.error?.message;

  return (
    <form className="details-form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <FormField
        label="Stream title"
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
      />
      <div className="form-field">
        <label htmlFor={descriptionId}>Description (optional)</label>
        <textarea
          id={descriptionId}
          rows={3}
          maxLength={5000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <FormField
        label="Starts at (optional)"
        type="datetime-local"
        value={startsAt}
        onChange={(event) => setStartsAt(event.target.value)}
      />
      <p className="muted">Leave the time empty to go live as soon as your encoder connects.</p>
      <button type="submit" className="button primary" disabled={schedule.isPending}>
        Schedule
      </button>
    </form>
  );
}
