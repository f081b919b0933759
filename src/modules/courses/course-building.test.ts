// Building a course through the API: validation, sanitised readings, draft privacy, reordering and
// publishing with answers kept server-side; editing an existing quiz's questions; the generation options
// when no generator is configured; the PDF export job and its signed download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json } from '../../../test/support/app.ts';
import { call, readyVideo } from '../channels/channel-test-support.ts';
import { describeCourses, ok } from './course-test-support.ts';
import { pdfPages } from './document-text.ts';

describeCourses('course building', (kit) => {
  test('builder: validation, sanitised readings, draft privacy, reorder, publish, answers kept server-side', async () => {
    const { t, creator, learner, other, buildCourse } = kit();
    const { course, module, videoId, video, reading, quiz } = await buildCourse();
    assert.equal(reading.bodyMarkdown, '# Notes\nalert(1)Robins [sing](#) at dawn.');
    assert.equal((await call(t, 'POST', '/courses', creator, { title: '' })).statusCode, 400);
    // Making courses is a channel's, as uploading and streaming are: a viewer is told to open one.
    for (const [url, body] of [
      ['/courses', { title: 'My notes' }],
      ['/course-generations', { videoIds: [videoId] }],
    ] as const) {
      const refused = await call(t, 'POST', url, learner, body);
      assert.equal(refused.statusCode, 403, `${url}: ${refused.body}`);
      assert.match(json(refused).error.message, /Viewers cannot make courses; open a channel first/);
    }
    const badQuiz = await call(t, 'POST', `/courses/${course.id}/modules/${module.id}/lessons`, creator, {
      kind: 'quiz',
      title: 'x',
      questions: [{ kind: 'choice', prompt: 'p', options: ['a', 'b'], answer: 5 }],
    });
    assert.equal(badQuiz.statusCode, 400, badQuiz.body);
    // Someone else's private video cannot be used.
    const privateVideo = await readyVideo(t, other, { visibility: 'private' });
    const stolen = await call(t, 'POST', `/courses/${course.id}/modules/${module.id}/lessons`, creator, {
      kind: 'video',
      title: 'x',
      videoId: privateVideo,
    });
    assert.equal(stolen.statusCode, 422, stolen.body);

    // A draft is invisible to others and cannot be enrolled in.
    assert.equal((await call(t, 'GET', `/courses/${course.id}`, learner)).statusCode, 404);
    assert.equal((await call(t, 'PUT', `/courses/${course.id}`, learner, { title: 'Mine' })).statusCode, 404);

    // Reorder: a partial order is refused, the full one applies.
    const partial = await call(t, 'PUT', `/courses/${course.id}/order`, creator, {
      modules: [{ id: module.id, lessonIds: [quiz.id, video.id] }],
    });
    assert.equal(partial.statusCode, 409);
    assert.equal(json(partial).error.code, 'ORDER_MISMATCH');
    const second = await ok(
      await call(t, 'POST', `/courses/${course.id}/modules`, creator, { title: 'Practice' }),
      201,
    );
    await ok(
      await call(t, 'PUT', `/courses/${course.id}/order`, creator, {
        modules: [
          { id: module.id, lessonIds: [reading.id, video.id] },
          { id: second.id, lessonIds: [quiz.id] },
        ],
      }),
    );
    await ok(await call(t, 'POST', `/courses/${course.id}/publish`, creator, { published: true }));

    const outline = await ok(await call(t, 'GET', `/courses/${course.id}`, learner));
    assert.deepEqual(
      outline.modules.map((m: { title: string; lessons: Array<{ title: string }> }) => [
        m.title,
        m.lessons.map((l) => l.title),
      ]),
      [
        ['Basics', ['Notes', 'Listen']],
        ['Practice', ['Check']],
      ],
    );
    const learnerQuiz = outline.modules[1].lessons[0];
    assert.equal(learnerQuiz.questions.length, 2);
    assert.ok(!JSON.stringify(outline).includes('"answer"'), 'answers never reach learners');
    const editorView = await ok(await call(t, 'GET', `/courses/${course.id}/edit`, creator));
    assert.equal(editorView.modules[1].lessons[0].questions[0].answer, 0);
    assert.equal((await call(t, 'GET', `/courses/${course.id}/edit`, learner)).statusCode, 403);
    const catalogue = await ok(await call(t, 'GET', '/courses'));
    assert.ok(catalogue.some((entry: { id: string }) => entry.id === course.id));
  });

  test('quiz questions in an existing quiz: add, edit, delete; ids and origins kept; a quiz keeps one question', async () => {
    const { t, creator, buildCourse } = kit();
    const { course, quiz } = await buildCourse();
    const url = `/courses/${course.id}/lessons/${quiz.id}`;
    const [first, second] = quiz.questions;
    const input = (question: {
      id: string;
      kind: string;
      prompt: string;
      options: string[] | null;
      answer: unknown;
    }) => ({
      id: question.id,
      kind: question.kind,
      prompt: question.prompt,
      answer: question.answer,
      ...(question.options ? { options: question.options } : {}),
    });
    // Added at the end: a new id; the others keep theirs.
    const added = await ok(
      await call(t, 'PUT', url, creator, {
        questions: [input(first), input(second), { kind: 'cloze', prompt: 'Owls hunt at ____.', answer: 'night' }],
      }),
    );
    assert.equal(added.questions.length, 3);
    assert.deepEqual(
      added.questions.slice(0, 2).map((q: { id: string }) => q.id),
      [first.id, second.id],
    );
    assert.equal(added.questions[2].origin, 'manual');
    assert.ok(added.questions[2].id && ![first.id, second.id].includes(added.questions[2].id));
    // The first deleted, the new one edited (options changed on a choice question count as an edit).
    const edited = await ok(
      await call(t, 'PUT', url, creator, {
        questions: [input(second), { ...input(added.questions[2]), prompt: 'Owls hunt at ____ time.' }],
      }),
    );
    assert.deepEqual(
      edited.questions.map((q: { id: string; prompt: string }) => [q.id, q.prompt]),
      [
        [second.id, second.prompt],
        [added.questions[2].id, 'Owls hunt at ____ time.'],
      ],
    );
    const empty = await call(t, 'PUT', url, creator, { questions: [] });
    assert.equal(empty.statusCode, 422, empty.body);
    const twice = await call(t, 'PUT', url, creator, { questions: [input(second), input(second)] });
    assert.equal(twice.statusCode, 400, twice.body);
    const stored = await ok(await call(t, 'GET', `/courses/${course.id}/edit`, creator));
    assert.equal(stored.modules[0].lessons.find((l: { id: string }) => l.id === quiz.id).questions.length, 2);
  });

  test('generation options without a configured generator: offline only, and useGenerator is refused', async () => {
    const { t, creator } = kit();
    const options = await ok(await call(t, 'GET', '/course-generation-options', creator));
    assert.equal(options.remoteGenerator, null);
    assert.equal(options.quota.used, 0);
    assert.equal(options.quota.remaining, options.quota.limit);
    assert.ok(options.quota.resetsInSeconds > 0 && options.quota.resetsInSeconds <= 86_400);
    assert.equal((await call(t, 'GET', '/course-generation-options')).statusCode, 401);
    const refused = await call(t, 'POST', '/course-generations', creator, {
      videoIds: [await readyVideo(t, creator)],
      useGenerator: true,
    });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.match(json(refused).error.message, /No AI generator is configured/);
  });

  test('PDF export: a background job into storage, signed download, answer key for the creator only', async () => {
    const { t, creator, learner, buildCourse } = kit();
    const { course } = await buildCourse();
    await ok(await call(t, 'POST', `/courses/${course.id}/publish`, creator, { published: true }));
    assert.equal(
      (await call(t, 'POST', `/courses/${course.id}/exports`, learner, { answerKey: true })).statusCode,
      403,
    );
    const requested = await ok(
      await call(t, 'POST', `/courses/${course.id}/exports`, creator, { answerKey: true }),
      202,
    );
    assert.equal(requested.status, 'queued');
    assert.equal(requested.downloadUrl, null);
    await t.services.courses.exports.run({
      id: 'test',
      queue: 'courses',
      name: 'courses.export-pdf',
      payload: { exportId: requested.id },
      attempt: 1,
      signal: new AbortController().signal,
      reportProgress: async () => undefined,
    });
    const done = await ok(await call(t, 'GET', `/course-exports/${requested.id}`, creator));
    assert.equal(done.status, 'completed');
    assert.ok(done.pages >= 3, `title, module and answer key pages (${done.pages})`);
    const file = await t.app.inject({ method: 'GET', url: done.downloadUrl });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal(file.rawPayload.length, done.bytes);
    const text = (await pdfPages(file.rawPayload)).pages.join('\n');
    for (const expected of ['Birdsong', 'Who sings at dawn?', 'Answer key', 'Check, Q2: dawn'])
      assert.ok(text.includes(expected), expected);
    const forged = await t.app.inject({ method: 'GET', url: done.downloadUrl.replace(/sig=[^&]+/, 'sig=forged') });
    assert.equal(forged.statusCode, 404);
    assert.equal((await call(t, 'GET', `/course-exports/${requested.id}`, learner)).statusCode, 404);
  });
});
