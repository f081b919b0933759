import { AppError } from '../../platform/http/errors.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import type { AttemptInput } from './schemas.ts';
import type { QuizQuestion } from './tables.ts';

export interface Grade {
  scorePercent: number;
  results: Array<{ questionId: string; correct: boolean; expected: number | string }>;
}

/** Cloze answers compare without case, surrounding spaces, repeated spaces or trailing punctuation. */
const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:!?"'’]+$/u, '');

/**
 * Grades on the server against the stored answers. A submission must answer each question of the quiz
 * exactly once with an answer of the question's shape; anything else (unknown or repeated questions,
 * an option index that does not exist, text for a choice) was not produced by the quiz UI and is
 * rejected whole instead of being scored.
 */
export function gradeQuiz(questions: QuizQuestion[], submission: AttemptInput): Grade {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  const problems: Array<{ field: string; message: string }> = [];
  for (const [index, { questionId, answer }] of submission.answers.entries()) {
    const question = byId.get(questionId);
    const field = `answers.${index}`;
    if (!question) problems.push({ field, message: 'not a question of this quiz' });
    else if (seen.has(questionId)) problems.push({ field, message: 'question answered twice' });
    else if (
      question.kind === 'choice' &&
      (typeof answer !== 'number' || answer < 0 || answer >= (question.options?.length ?? 0))
    )
      problems.push({ field, message: 'must be the index of one of the options' });
    else if (question.kind === 'cloze' && typeof answer !== 'string') problems.push({ field, message: 'must be text' });
    seen.add(questionId);
  }
  for (const question of questions)
    if (!seen.has(question.id)) problems.push({ field: 'answers', message: `question ${question.id} is not answered` });
  if (problems.length > 0)
    throw new AppError(400, ErrorCode.QUIZ_ANSWERS_INVALID, 'These answers do not fit this quiz', problems);

  const answers = new Map(submission.answers.map((entry) => [entry.questionId, entry.answer]));
  const results = questions.map((question) => {
    const given = answers.get(question.id);
    const correct =
      question.kind === 'choice'
        ? given === question.answer
        : normalise(String(given)) === normalise(String(question.answer));
    return { questionId: question.id, correct, expected: question.answer };
  });
  const right = results.filter((result) => result.correct).length;
  return { scorePercent: Math.round((right / Math.max(1, questions.length)) * 100), results };
}
