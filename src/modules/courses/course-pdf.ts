import { Transform, type Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { QuizQuestion } from './tables.ts';

const describeCitation = (question: QuizQuestion) => {
  const citation = question.citation;
  if (!citation) return '';
  if ('page' in citation) return `(source: ${citation.document}, page ${citation.page})`;
  const minutes = Math.floor(citation.seconds / 60);
  return `(source: video at ${minutes}:${String(Math.floor(citation.seconds % 60)).padStart(2, '0')})`;
};

/** Markdown shown as plain text in print: the marks go, the words stay. */
const plainText = (markdown: string) =>
  markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');

/**
 * Writes a course as PDF into `out`: title page, outline, then each module's lessons (summaries,
 * readings, quizzes; answers at the end when `answerKey`). Lessons are read one module at a time and
 * pdfkit flushes each finished page to the stream, so memory stays flat however long the course is.
 * Resolves with the page count once everything is written.
 */
export async function writeCoursePdf(
  db: Kysely<DB>,
  courseId: string,
  out: Writable,
  options: { answerKey: boolean },
): Promise<number> {
  const course = await db.selectFrom('courses').selectAll().where('id', '=', courseId).executeTakeFirstOrThrow();
  const modules = await db
    .selectFrom('course_modules')
    .select(['id', 'title'])
    .where('course_id', '=', courseId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  // pdfkit (and its fonts) loads on the first export, not with the server (~25 MB resident).
  const { default: PDFDocument } = await import('pdfkit');
  const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: course.title, Creator: 'StreamHub' } });
  let pages = 1;
  document.on('pageAdded', () => (pages += 1));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    document.on('error', reject);
  });
  document.pipe(out);

  document.fontSize(26).text(course.title, { align: 'center' }).moveDown();
  document
    .fontSize(12)
    .text(course.description || '', { align: 'center' })
    .moveDown(2);
  document.fontSize(16).text('Outline').moveDown(0.5);
  modules.forEach((module, index) => document.fontSize(12).text(`${index + 1}. ${module.title}`));

  const answers: string[] = [];
  for (const [moduleIndex, module] of modules.entries()) {
    const lessons = await db
      .selectFrom('course_lessons')
      .select(['title', 'kind', 'summary', 'body_markdown', 'quiz'])
      .where('module_id', '=', module.id)
      .orderBy('position')
      .orderBy('created_at')
      .execute();
    document
      .addPage()
      .fontSize(20)
      .text(`${moduleIndex + 1}. ${module.title}`)
      .moveDown();
    for (const lesson of lessons) {
      document.fontSize(15).text(lesson.title).moveDown(0.3);
      if (lesson.summary) document.fontSize(11).fillColor('#444').text(lesson.summary).fillColor('black').moveDown(0.5);
      if (lesson.kind === 'reading') document.fontSize(11).text(plainText(lesson.body_markdown)).moveDown();
      if (lesson.kind === 'quiz')
        lesson.quiz.forEach((question, index) => {
          document.fontSize(11).text(`Q${index + 1}. ${question.prompt} ${describeCitation(question)}`);
          question.options?.forEach((option, optionIndex) =>
            document.text(`   ${String.fromCharCode(65 + optionIndex)}) ${option}`),
          );
          document.moveDown(0.5);
          const answer =
            typeof question.answer === 'number' ? String.fromCharCode(65 + question.answer) : question.answer;
          answers.push(`${lesson.title}, Q${index + 1}: ${answer}`);
        });
      document.moveDown();
    }
  }
  if (options.answerKey && answers.length > 0) {
    document.addPage().fontSize(18).text('Answer key').moveDown();
    for (const line of answers) document.fontSize(11).text(line);
  }
  document.end();
  await finished;
  return pages;
}

/** A pass-through stream that counts the bytes going through it (the export's size, without holding it). */
export function countingStream(): Transform & { bytes: number } {
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      stream.bytes += chunk.length;
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  stream.bytes = 0;
  return stream;
}
