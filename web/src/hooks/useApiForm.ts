import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.ts';

/**
 * Form state for an API call: the submit handler, whether it is running, and the refusal split into
 * per-field messages (from the API's error details) and a message for the form as a whole.
 */
export function useApiForm(action: () => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setPending(false);
    }
  };

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldMessage(field) : undefined);
  // Field problems are shown next to their fields; the summary names what went wrong overall.
  const formError = error && !(error instanceof ApiError && error.details.length > 0) ? error.message : null;
  return { onSubmit, pending, fieldError, formError, error };
}
