import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.ts';
import type { Comment } from '../api/types.ts';

interface Props {
  label: string;
  submitLabel: string;
  onSubmit: (text: string, idempotencyKey: string) => Promise<Comment>;
  onPosted: (comment: Comment) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** The text to start from (editing a comment). */
  initialText?: string;
}

/** A text box that posts (or saves an edited) comment or reply and shows the API's refusal under it. */
export function CommentForm({ label, submitLabel, onSubmit, onPosted, onCancel, autoFocus, initialText = '' }: Props) {
  const [text, setText] = useState(initialText);
  // One key per comment being written: a retry after a network error replays instead of duplicating.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const comment = await onSubmit(text, idempotencyKey);
      setText('');
      setIdempotencyKey(crypto.randomUUID());
      onPosted(comment);
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldMessage('text') ?? caught.message) : String(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="comment-form" onSubmit={submit}>
      <textarea
        aria-label={label}
        placeholder={label}
        value={text}
        rows={2}
        maxLength={10_000}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={pending || !text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
