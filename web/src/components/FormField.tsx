import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
}

/** A labelled input whose error (usually the API's `details[].message`) is announced and linked to it. */
export function FormField({ label, error, ...input }: Props) {
  const field = useField(error);
  return (
    <div className="form-field">
      <label htmlFor={field.id}>{label}</label>
      <input {...field.control} {...input} />
      <FieldError field={field} error={error} />
    </div>
  );
}

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
}

/** The same for several lines of text; with `maxLength`, it counts what is left. */
export function FormTextArea({ label, error, ...textarea }: TextAreaProps) {
  const field = useField(error);
  const left = textarea.maxLength !== undefined ? textarea.maxLength - String(textarea.value ?? '').length : null;
  return (
    <div className="form-field">
      <label htmlFor={field.id}>{label}</label>
      <textarea {...field.control} {...textarea} />
      {left !== null && <small className="muted field-hint">{left} characters left</small>}
      <FieldError field={field} error={error} />
    </div>
  );
}

function useField(error: string | undefined) {
  const id = useId();
  const errorId = `${id}-error`;
  return {
    id,
    errorId,
    control: { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined },
  };
}

function FieldError({ field, error }: { field: ReturnType<typeof useField>; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={field.errorId} className="field-error" role="alert">
      {error}
    </p>
  );
}
