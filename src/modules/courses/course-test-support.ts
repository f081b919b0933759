// Shared by the course tests: an app per database kind with a creator, a learner and a course built
// through the API; a PDF, a scanned PDF and an EPUB made on the spot, and transcribed, chaptered videos
// without running speech recognition.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeOnEachDatabase } from '../../../test/support/describe-app.ts';
import type { DatabaseKind } from '../../platform/db/database.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../channels/channel-test-support.ts';
import { insightsRepo } from '../intelligence/insights-repo.ts';
import { transcriptRepo } from '../intelligence/transcript-repo.ts';

/** A small real PDF, one page per entry of `pages`. */
export function makePdf(pages: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    for (const text of pages) document.addPage().fontSize(12).text(text);
    document.end();
  });
}

const run = promisify(execFile);

async function scratch<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'streamhub-course-fixture-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A scan: the text PDF rasterised by poppler's pdftoppm (200 dpi, grey) and each page image put back
 * into a PDF of images only, so pdftotext finds no text and OCR must read it.
 */
export function makeScannedPdf(pages: string[]): Promise<Buffer> {
  return scratch(async (dir) => {
    await writeFile(join(dir, 'text.pdf'), await makePdf(pages));
    await run('pdftoppm', ['-r', '200', '-gray', '-png', join(dir, 'text.pdf'), join(dir, 'page')]);
    const images = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort();
    return new Promise<Buffer>((resolve, reject) => {
      const document = new PDFDocument({ autoFirstPage: false });
      const chunks: Buffer[] = [];
      document.on('data', (chunk: Buffer) => chunks.push(chunk));
      document.on('end', () => resolve(Buffer.concat(chunks)));
      document.on('error', reject);
      void (async () => {
        for (const image of images)
          document.addPage({ margin: 0 }).image(await readFile(join(dir, image)), 0, 0, { fit: [612, 792] });
        document.end();
      })().catch(reject);
    });
  });
}

/** An EPUB book written by pandoc from Markdown (one chapter per `# ` heading). */
export function makeEpub(markdown: string): Promise<Buffer> {
  return scratch(async (dir) => {
    await writeFile(join(dir, 'book.md'), markdown);
    await run('pandoc', [
      '--from=markdown',
      '--metadata',
      'title=Birds',
      join(dir, 'book.md'),
      '-o',
      join(dir, 'book.epub'),
    ]);
    return readFile(join(dir, 'book.epub'));
  });
}

const TEST_MODEL = { provider: 'local' as const, name: 'test', version: '1' };

/** Gives a video a transcript (one segment per sentence, 5 s each) and chapters, as analysis would. */
export async function transcribeVideo(
  t: TestApp,
  videoId: string,
  sentences: string[],
  chapters: { title: string; startSeconds: number }[],
): Promise<void> {
  const db = t.platform.database.db;
  await transcriptRepo.save(db, videoId, {
    language: 'en',
    segments: sentences.map((text, index) => ({ startSeconds: index * 5, endSeconds: index * 5 + 5, text })),
    model: TEST_MODEL,
    editedBy: 'model',
  });
  await insightsRepo.save(
    db,
    videoId,
    { summary: sentences[0] ?? '', keyPoints: [], chapters },
    { model: TEST_MODEL, transcriptUpdatedAt: null, editedBy: 'model' },
  );
}

export const BIRD_SENTENCES = [
  'Robins sing loudly at dawn to defend their territory from rivals.',
  'The dawn chorus begins before sunrise when the air is calm and sound travels far.',
  'Male robins learn songs from neighbours during their first spring.',
  'Migration carries many songbirds south across the sea every autumn.',
  'Swallows navigate migration routes using the sun and the magnetic field.',
  'Young swallows follow experienced adults on their first migration journey.',
];
export const BIRD_CHAPTERS = [
  { title: 'Dawn chorus', startSeconds: 0 },
  { title: 'Migration', startSeconds: 15 },
];

/** The response's data once its status is the expected one (the body is the message when it is not). */
export async function ok(response: Awaited<ReturnType<typeof call>>, status = 200) {
  assert.equal(response.statusCode, status, response.body);
  return json(response).data;
}

/** A draft course by `creator`: a video lesson, a reading and a two-question quiz in one module. */
async function buildCourse(t: TestApp, creator: TestAccount) {
  const videoId = await readyVideo(t, creator);
  await t.platform.database.db.updateTable('videos').set({ duration_seconds: 100 }).where('id', '=', videoId).execute();
  const course = await ok(await call(t, 'POST', '/courses', creator, { title: 'Birdsong', level: 'beginner' }), 201);
  const module = await ok(await call(t, 'POST', `/courses/${course.id}/modules`, creator, { title: 'Basics' }), 201);
  const lessons = `/courses/${course.id}/modules/${module.id}/lessons`;
  const video = await ok(await call(t, 'POST', lessons, creator, { kind: 'video', title: 'Listen', videoId }), 201);
  const reading = await ok(
    await call(t, 'POST', lessons, creator, {
      kind: 'reading',
      title: 'Notes',
      bodyMarkdown: '# Notes\n<script>alert(1)</script>Robins [sing](javascript:alert(1)) at dawn.',
    }),
    201,
  );
  const quiz = await ok(
    await call(t, 'POST', lessons, creator, {
      kind: 'quiz',
      title: 'Check',
      passPercent: 50,
      maxAttempts: 2,
      xp: 20,
      questions: [
        { kind: 'choice', prompt: 'Who sings at dawn?', options: ['Robins', 'Owls'], answer: 0 },
        { kind: 'cloze', prompt: 'Robins sing at ____.', answer: 'dawn' },
      ],
    }),
    201,
  );
  return { course, module, videoId, video, reading, quiz };
}

/** What every courses test gets: an app, a creator, a learner and a second creator, and the creator's course. */
async function startCoursesApp(kind: DatabaseKind) {
  const t = await startTestApp(kind);
  const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
  const [learner] = (await createAccounts(t, 1)) as [TestAccount];
  const [other] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
  return { t, creator, learner, other, buildCourse: () => buildCourse(t, creator) };
}

export type CoursesKit = Awaited<ReturnType<typeof startCoursesApp>>;

/** A describe block per database kind on a fresh app; `cases` reads the kit with kit() inside each test. */
export function describeCourses(title: string, cases: (kit: () => CoursesKit) => void): void {
  describeOnEachDatabase(title, startCoursesApp, cases);
}
