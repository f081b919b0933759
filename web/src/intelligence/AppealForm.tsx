import { useId, useState, type FormEvent } from 'react';

interface Props {
  label: string;
  onSubmit: (message: string) => Promise<void>;
}

/** The one appeal an author or creator has against a moderation decision. */
export function AppealForm({ label, onSubmit }: Props) {
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return setError('Write a few words for the moderator.');
    setPending(true);
    setError(null);
    try {
      await onSubmit(message.trim());
      setMessage('');
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="appeal-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={message}
        maxLength={1000}
        onChange={(event) => setMessage(event.target.value)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : 'Send appeal'}
      </button>
    </form>
  );
}
