import { useState, type FormEvent } from 'react';
import type { Category } from '../api/categories.ts';
import { ApiError } from '../api/api-error.ts';
import { CATEGORIES } from '../api/categories.ts';
import type { Visibility } from '../api/types.ts';
import { FormField } from '../components/FormField.tsx';
import { VisibilityOptions } from '../components/VisibilityOptions.tsx';

export interface VideoDetails {
  title: string;
  description: string;
  tags: string[];
  category: Category;
  visibility: Visibility;
}

interface Props {
  initial: VideoDetails;
  submitLabel: string;
  onSubmit: (details: VideoDetails) => Promise<void>;
}

/** Title, description, tags, category and visibility: used to upload and, in the Studio, to edit. */
export function VideoDetailsForm({ initial, submitLabel, onSubmit }: Props) {
  const [details, setDetails] = useState(initial);
  const [tagText, setTagText] = useState(initial.tags.join(', '));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldMessage(field) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onSubmit({
        ...details,
        tags: tagText
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      });
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="details-form" onSubmit={submit} noValidate>
      {error && !(error instanceof ApiError && error.details.length) && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <FormField
        label="Title"
        name="title"
        value={details.title}
        maxLength={100}
        error={fieldError('title')}
        onChange={(event) => setDetails({ ...details, title: event.target.value })}
      />
      <div className="form-field">
        <label htmlFor="video-description">Description</label>
        <textarea
          id="video-description"
          name="description"
          rows={4}
          value={details.description}
          onChange={(event) => setDetails({ ...details, description: event.target.value })}
        />
        {fieldError('description') && (
          <p className="field-error" role="alert">
            {fieldError('description')}
          </p>
        )}
      </div>
      <FormField
        label="Tags (comma-separated)"
        name="tags"
        value={tagText}
        error={fieldError('tags')}
        onChange={(event) => setTagText(event.target.value)}
      />
      <div className="form-row">
        <label>
          Category
          <select
            name="category"
            value={details.category}
            onChange={(event) => setDetails({ ...details, category: event.target.value as Category })}
          >
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        </label>
        <label>
          Visibility
          <select
            name="visibility"
            value={details.visibility}
            onChange={(event) => setDetails({ ...details, visibility: event.target.value as Visibility })}
          >
            <VisibilityOptions />
          </select>
        </label>
      </div>
      <button type="submit" className="button primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
