import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { courseApi, type Lesson } from './course-api.ts';
import { FormError } from '../components/FormError.tsx';

type Answer = number | string;

/**
 * The quiz: questions come without answers; the server grades what is sent and tells which were right,
 * the score, and how many attempts are left.
 */
export function QuizLesson({ courseId, lesson, onGraded }: { courseId: string; lesson: Lesson; onGraded: () => void }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const submit = useMutation({
    mutationFn: () =>
      courseApi.attempt(
        courseId,
        lesson.id,
        lesson.questions.map((question) => ({ questionId: question.id, answer: answers[question.id] ?? '' })),
      ),
    onSuccess: onGraded,
  });
  const result = submit.data;
  const verdict = new Map(result?.results.map((item) => [item.questionId, item.correct]));
  const exhausted = result !== undefined && !result.passed && result.attemptsLeft === 0;

  return (
    <form
      className="quiz-lesson"
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <p className="course-meta">
        Pass mark {lesson.passPercent} % · {lesson.maxAttempts} attempts
      </p>
      {lesson.questions.map((question, index) => (
        <fieldset key={question.id} className="quiz-question">
          <legend>
            {index + 1}. {question.prompt}
            {verdict.has(question.id) && (verdict.get(question.id) ? ' ✓ Correct' : ' ✗ Wrong')}
          </legend>
          {question.kind === 'choice' && question.options ? (
            question.options.map((option, optionIndex) => (
              <label key={optionIndex} className="quiz-option">
                <input
                  type="radio"
                  name={question.id}
                  checked={answers[question.id] === optionIndex}
                  onChange={() => setAnswers({ ...answers, [question.id]: optionIndex })}
                />
                {option}
              </label>
            ))
          ) : (
            <input
              type="text"
              aria-label={`Answer to question ${index + 1}`}
              value={String(answers[question.id] ?? '')}
              onChange={(event) => setAnswers({ ...answers, [question.id]: event.target.value })}
            />
          )}
        </fieldset>
      ))}
      <button
        type="submit"
        className="button primary"
        disabled={submit.isPending || exhausted || result?.passed === true}
      >
        Submit answers
      </button>
      <FormError message={submit.error?.message} />
      {result && (
        <p className="quiz-result" role="status">
          Score {result.scorePercent} % — {result.passed ? 'Passed' : 'Not passed'} · {result.attemptsLeft} attempts
          left{result.xpAwarded > 0 && ` · +${result.xpAwarded} XP`}
        </p>
      )}
    </form>
  );
}
