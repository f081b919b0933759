import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../../test/support/fake-openai-server.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../channels/channel-test-support.ts';
import {
  BIRD_CHAPTERS,
  BIRD_SENTENCES,
  makeEpub,
  makePdf,
  makeScannedPdf,
  transcribeVideo,
} from './course-test-support.ts';
import type { JobContext } from '../../platform/jobs/job-queue.ts';

const PDF_PAGES = [
  'Feathers\n\nFeathers keep birds warm and let them fly. Contour feathers shape the body of the bird.',
  'Nests\n\nMany birds weave nests from grass and twigs. The nest protects eggs from cold and predators.',
];

const upload = (t: TestApp, as: TestAccount, filename: string, type: string, body: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/course-documents?filename=${encodeURIComponent(filename)}`,
    headers: { ...bearer(as.token), 'content-type': type },
    payload: body,
  });

/** A job context for running the handler directly, as a queue's retry would. */
const jobFor = (generationId: string, attempt: number): JobContext<{ generationId: string }> => ({
  id: `test-${attempt}`,
  queue: 'courses',
  name: 'courses.generate',
  payload: { generationId },
  attempt,
  signal: new AbortController().signal,
  reportProgress: async () => undefined,
});

for (const kind of testDatabaseKinds()) {
  describe(`course generation on ${kind}`, () => {
    let t: TestApp;
    let fake: FakeOpenAiServer;
    let creator: TestAccount;
    let videoIds: string[];
    before(async () => {
      fake = await startFakeOpenAiServer();
      t = await startTestApp(kind, {
        AI_GENERATION_BASE_URL: fake.baseUrl,
        AI_GENERATION_MODEL: 'fake-writer',
        COURSES_GENERATION_DAILY_TOKENS: '2000',
      });
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      videoIds = [await readyVideo(t, creator), await readyVideo(t, creator)];
      await transcribeVideo(t, videoIds[0]!, BIRD_SENTENCES, BIRD_CHAPTERS);
      await transcribeVideo(t, videoIds[1]!, BIRD_SENTENCES.slice(3), [{ title: 'More migration', startSeconds: 0 }]);
    });
    after(async () => {
      await t.close();
      await fake.close();
    });

    test('documents: PDF pages through pdftotext, Markdown sections, malformed files refused with the reason', async () => {
      const pdf = await upload(t, creator, 'birds.pdf', 'application/pdf', await makePdf(PDF_PAGES));
      assert.equal(pdf.statusCode, 201, pdf.body);
      assert.equal(json(pdf).data.pageCount, 2);
      const markdown = await upload(
        t,
        creator,
        'notes.md',
        'text/markdown',
        Buffer.from('# One\nRobins sing at dawn every day.\n# Two\nSwallows migrate south.'),
      );
      assert.equal(json(markdown).data.pageCount, 2);
      const broken = await upload(
        t,
        creator,
        'broken.pdf',
        'application/pdf',
        Buffer.from('%PDF-1.7\nthis is not really a PDF'),
      );
      assert.equal(broken.statusCode, 422, broken.body);
      assert.match(json(broken).error.message, /The PDF could not be read/);
      const notPdf = await upload(t, creator, 'x.pdf', 'application/pdf', Buffer.from('hello'));
      assert.equal(notPdf.statusCode, 422);
      assert.match(json(notPdf).error.message, /not a PDF/);
      // Sources are for making courses, which is a channel's: a viewer's upload is refused.
      const [viewer] = (await createAccounts(t, 1)) as [TestAccount];
      const refused = await upload(t, viewer, 'notes.md', 'text/markdown', Buffer.from('# One\nRobins sing.'));
      assert.equal(refused.statusCode, 403, refused.body);
    });

    test('documents: a scanned PDF is read by OCR, an EPUB by pandoc, one section per chapter', async () => {
      const scan = await makeScannedPdf(PDF_PAGES);
      const ocr = await upload(t, creator, 'scan.pdf', 'application/pdf', scan);
      assert.equal(ocr.statusCode, 201, ocr.body);
      assert.equal(json(ocr).data.pageCount, 2);
      const stored = await t.platform.database.db
        .selectFrom('course_documents')
        .select('pages')
        .where('id', '=', json(ocr).data.id)
        .executeTakeFirstOrThrow();
      const [first, second] = stored.pages as string[];
      assert.match(first!, /Contour feathers shape the body/);
      assert.match(second!, /weave nests from grass/);

      const epub = await makeEpub(
        '# Feathers\n\nContour feathers shape the body of the bird.\n\n# Nests\n\nMany birds weave nests from twigs.\n',
      );
      const book = await upload(t, creator, 'birds.epub', 'application/epub+zip', epub);
      assert.equal(book.statusCode, 201, book.body);
      assert.equal(json(book).data.kind, 'epub');
      const sections = (
        await t.platform.database.db
          .selectFrom('course_documents')
          .select('pages')
          .where('id', '=', json(book).data.id)
          .executeTakeFirstOrThrow()
      ).pages as string[];
      assert.ok(sections.some((section) => /Contour feathers/.test(section) && !/weave nests/.test(section)));
      assert.ok(sections.some((section) => /weave nests/.test(section)));
      const notEpub = await upload(t, creator, 'x.epub', 'application/epub+zip', Buffer.from('PK not a zip'));
      assert.equal(notEpub.statusCode, 422, notEpub.body);
      assert.match(json(notEpub).error.message, /The EPUB could not be read/);
    });

    test('with a generator: an invalid answer is retried once then the local course stands; a retried job never pays twice; quota 429', async () => {
      const body = { videoIds: [videoIds[0]], questionsPerModule: 2, useGenerator: true };
      const started = await call(t, 'POST', '/course-generations', creator, body);
      assert.equal(started.statusCode, 201, started.body);
      const id = json(started).data.id;
      const generation = t.services.courses.generation;
      // The fake server answers with prose, not JSON: asked twice, then the local result is used.
      await generation.run(jobFor(id, 1));
      const generatorCalls = () => fake.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
      assert.equal(generatorCalls(), 2);
      const first = json(await call(t, 'GET', `/course-generations/${id}`, creator)).data;
      assert.deepEqual([first.status, first.generator, first.tokensUsed], ['completed', 'local', 3000]);

      // A worker that died after paying but before saving the course: the retry reuses the saved draft.
      await t.platform.database.db
        .updateTable('course_generations')
        .set({ status: 'running', course_id: null })
        .where('id', '=', id)
        .execute();
      await generation.run(jobFor(id, 2));
      assert.equal(generatorCalls(), 2, 'the retry did not call the generator again');
      const retried = json(await call(t, 'GET', `/course-generations/${id}`, creator)).data;
      assert.equal(retried.status, 'completed');
      assert.equal(retried.tokensUsed, 3000);

      // 3000 of 2000 tokens used today: the next generator request is refused with when to come back.
      const refused = await call(t, 'POST', '/course-generations', creator, { ...body, questionsPerModule: 3 });
      assert.equal(refused.statusCode, 429, refused.body);
      assert.equal(json(refused).error.code, 'AI_QUOTA_EXCEEDED');
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.equal(refused.headers['x-quota-remaining'], '0');
      // What the studio's form reads before offering the generator: its model and the quota left.
      const options = json(await call(t, 'GET', '/course-generation-options', creator)).data;
      assert.equal(options.remoteGenerator, 'fake-writer');
      assert.deepEqual([options.quota.limit, options.quota.used, options.quota.remaining], [2000, 3000, 0]);
      assert.ok(Math.abs(options.quota.resetsInSeconds - Number(refused.headers['retry-after'])) <= 5);
      // Offline generation needs no quota.
      const offline = await call(t, 'POST', '/course-generations', creator, { ...body, useGenerator: false });
      assert.equal(offline.statusCode, 201, offline.body);
    });

    test('offline generation as a job: outline, summaries, cited questions, progress events, idempotent', async () => {
      const document = json(await upload(t, creator, 'birds.pdf', 'application/pdf', await makePdf(PDF_PAGES))).data;
      t.platform.jobs.process('courses', t.services.courses.jobHandlers['courses.generate']);
      const body = { title: 'Birds', videoIds, documentIds: [document.id], questionsPerModule: 4 };
      const started = await call(t, 'POST', '/course-generations', creator, body);
      assert.equal(started.statusCode, 201, started.body);
      const id = json(started).data.id;

      const events = await t.app.inject({
        method: 'GET',
        url: `/api/v1/course-generations/${id}/events`,
        headers: bearer(creator.token),
      });
      assert.match(events.headers['content-type'] as string, /text\/event-stream/);
      assert.match(events.body, /event: completed/);
      const done = json(await call(t, 'GET', `/course-generations/${id}`, creator)).data;
      assert.deepEqual([done.status, done.progress, done.generator, done.tokensUsed], ['completed', 100, 'local', 0]);

      const outline = json(await call(t, 'GET', `/courses/${done.courseId}/edit`, creator)).data;
      assert.equal(outline.course.title, 'Birds');
      assert.equal(outline.course.status, 'draft');
      const lessons = outline.modules.flatMap((m: { lessons: unknown[] }) => m.lessons) as Array<{
        kind: string;
        origin: string;
        summary: string;
        questions: Array<{ citation: object | null; prompt: string; answer: unknown; origin: string }>;
      }>;
      assert.ok(outline.modules.length >= 2, 'sections are grouped into several modules');
      assert.ok(lessons.every((lesson) => lesson.origin === 'generated'));
      assert.equal(lessons.filter((lesson) => lesson.kind === 'video').length, 3, 'one video lesson per chapter');
      assert.equal(lessons.filter((lesson) => lesson.kind === 'reading').length, 2, 'one reading per PDF page');
      const questions = lessons.flatMap((lesson) => lesson.questions);
      assert.ok(questions.length >= 2, 'quizzes were written');
      for (const question of questions) {
        assert.ok(question.citation, 'every question cites its passage');
        assert.match(question.prompt, /____/);
      }
      assert.ok(lessons.some((lesson) => lesson.kind === 'video' && lesson.summary.length > 20));

      // The same request is the same generation: no second job, no second course.
      const again = await call(t, 'POST', '/course-generations', creator, body);
      assert.equal(again.statusCode, 200);
      assert.equal(json(again).data.id, id);
      assert.equal(json(again).data.courseId, done.courseId);
    });

    test('bad sources fail before any job: someone else’s private video, a video without transcript', async () => {
      const [stranger] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const privateVideo = await readyVideo(t, stranger!, { visibility: 'private' });
      const untranscribed = await readyVideo(t, creator);
      const hidden = await call(t, 'POST', '/course-generations', creator, { videoIds: [privateVideo] });
      assert.equal(hidden.statusCode, 404);
      const silent = await call(t, 'POST', '/course-generations', creator, { videoIds: [untranscribed] });
      assert.equal(silent.statusCode, 422);
      assert.match(json(silent).error.message, /no transcript/);
    });
  });
}
