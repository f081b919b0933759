import { useState } from 'react';

export interface QuestionFields {
  kind: 'choice' | 'cloze';
  prompt: string;
  options: string[] | null;
  answer: number | string;
}

export interface EditorQuestion extends QuestionFields {
  id: string;
  origin: 'manual' | 'generated' | 'edited';
}

const EMPTY: QuestionFields = { kind: 'choice', prompt: '', options: null, answer: 0 };
const optionLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const comparable = (fields: QuestionFields) =>
  JSON.stringify([fields.kind, fields.prompt.trim(), fields.options ?? null, fields.answer]);

/**
 * One quiz question in the builder: an existing one (its prompt, options and answer can be changed, or
 * it can be deleted; generated ones say so), or, without `question`, a new one of either kind.
 */
export function QuestionEditor<Q extends EditorQuestion>({
  question,
  label,
  onSave,
  onDelete,
}: {
  question?: Q;
  /** The form's accessible name: "Question 2", "New question for Check yourself". */
  label: string;
  onSave: (fields: QuestionFields) => void;
  onDelete?: () => void;
}) {
  const start = question ?? EMPTY;
  const [kind, setKind] = useState(start.kind);
  const [prompt, setPrompt] = useState(start.prompt);
  const [optionsText, setOptionsText] = useState((start.options ?? []).join('\n'));
  const [answer, setAnswer] = useState(start.answer);
  const options = optionLines(optionsText);
  const fields: QuestionFields =
    kind === 'choice'
      ? { kind, prompt: prompt.trim(), options, answer: Number(answer) || 0 }
      : { kind, prompt: prompt.trim(), options: null, answer: String(answer).trim() };
  const valid =
    fields.prompt !== '' &&
    (kind === 'choice' ? options.length >= 2 && Number(fields.answer) < options.length : fields.answer !== '');
  const changed = comparable(fields) !== comparable(start);
  return (
    <form
      className="builder-question"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(fields);
        if (!question) {
          setPrompt('');
          setOptionsText('');
          setAnswer(kind === 'choice' ? 0 : '');
        }
      }}
    >
      {question ? (
        <p className="course-meta">
          {label} <span className="lesson-kind">({question.origin})</span>
        </p>
      ) : (
        <label>
          Kind
          <select
            value={kind}
            onChange={(event) => {
              const next = event.target.value as QuestionFields['kind'];
              setKind(next);
              setAnswer(next === 'choice' ? 0 : '');
            }}
          >
            <option value="choice">Multiple choice</option>
            <option value="cloze">Fill in the blank</option>
          </select>
        </label>
      )}
      <label>
        Prompt
        <textarea rows={2} maxLength={2000} value={prompt} onChange={(event) => setPrompt(event.target.value)} />
      </label>
      {kind === 'choice' ? (
        <>
          <label>
            Options (one per line)
            <textarea rows={3} value={optionsText} onChange={(event) => setOptionsText(event.target.value)} />
          </label>
          <label>
            Correct option
            <select value={Number(answer)} onChange={(event) => setAnswer(Number(event.target.value))}>
              {options.map((option, optionIndex) => (
                <option key={optionIndex} value={optionIndex}>
                  {option}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <label>
          Answer
          <input maxLength={200} value={String(answer)} onChange={(event) => setAnswer(event.target.value)} />
        </label>
      )}
      <div className="builder-lesson-row">
        <button type="submit" className="button" disabled={!valid || (question !== undefined && !changed)}>
          {question ? 'Save question' : 'Add question'}
        </button>
        {onDelete && (
          <button type="button" className="button" aria-label={`Delete ${label.toLowerCase()}`} onClick={onDelete}>
            Delete
          </button>
        )}
      </div>
    </form>
  );
}
