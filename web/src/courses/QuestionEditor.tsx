import { useState } from 'react';

export interface EditorQuestion {
  id: string;
  kind: 'choice' | 'cloze';
  prompt: string;
  options: string[] | null;
  answer: number | string;
  origin: 'manual' | 'generated' | 'edited';
}

/** One quiz question in the builder: its prompt and answer can be changed; generated ones say so. */
export function QuestionEditor<Q extends EditorQuestion>({
  question,
  index,
  onSave,
}: {
  question: Q;
  index: number;
  onSave: (question: Q) => void;
}) {
  const [prompt, setPrompt] = useState(question.prompt);
  const [answer, setAnswer] = useState(question.answer);
  const changed = prompt !== question.prompt || answer !== question.answer;
  return (
    <form
      className="builder-question"
      aria-label={`Question ${index + 1}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ ...question, prompt, answer });
      }}
    >
      <label>
        Question {index + 1} <span className="lesson-kind">({question.origin})</span>
        <textarea rows={2} value={prompt} onChange={(event) => setPrompt(event.target.value)} />
      </label>
      {question.kind === 'choice' && question.options ? (
        <label>
          Correct option
          <select value={Number(answer)} onChange={(event) => setAnswer(Number(event.target.value))}>
            {question.options.map((option, optionIndex) => (
              <option key={optionIndex} value={optionIndex}>
                {option}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          Answer
          <input value={String(answer)} onChange={(event) => setAnswer(event.target.value)} />
        </label>
      )}
      <button type="submit" className="button" disabled={!changed}>
        Save question
      </button>
    </form>
  );
}
