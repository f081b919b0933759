// Browser check of courses. A creator's published course (built through the API here) is found in the
// catalogue; a learner enrols, watches the video lesson, reads a lesson to its end, fails then passes the
// quiz (graded on the server), sees XP, streak and rank, downloads the PDF export and opens the
// certificate; the pages are checked at 390 px in the dark theme too. Then a creator generates a course
// offline from videos and a PDF in the studio, edits a question, reorders lessons and modules by keyboard drag and
// drop, edits the course and a lesson, deletes a lesson and a module, publishes; a learner enrols in the generated
// course, passes its quiz and reaches the certificate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { eventually } from '../support/eventually.ts';
import { apiCalls } from './support/api-calls.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi, signOutThroughUi } from './support/accounts.ts';
import { attachSource, createVideo, waitForOutcome } from '../../src/modules/videos/video-test-support.ts';
import { makeLandscapeClip } from '../support/media-fixtures.ts';
import { startPlayback } from './support/player.ts';
import { dragByKeyboard } from './support/drag.ts';
import {
  BIRD_CHAPTERS,
  BIRD_SENTENCES,
  makePdf,
  transcribeVideo,
} from '../../src/modules/courses/course-test-support.ts';

// Long enough that the reading's end starts below the fold: it must be scrolled to.
const READING = [
  '# Dawn chorus',
  ...Array.from({ length: 40 }, (_, i) => `Robins sing at dawn, paragraph ${i + 1}.`),
].join('\n\n');

describe('courses in Chromium', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-courses-'));
    t = await startWebTestApp();
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  const api = (...args: Parameters<ReturnType<typeof apiCalls>>) => apiCalls(t)(...args);

  /** The page is no wider than the screen: nothing forces sideways scrolling on a phone. */
  const assertFitsWidth = async (what: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${what} overflows the screen by ${overflow} px`);
  };

  test('enrol, watch the video, read to the end, pass the quiz, see XP and rank, download the PDF, open the certificate', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const learner = await registerUser(t.app);
    const course = await api('POST', '/courses', creator.accessToken, {
      title: 'Birdsong basics',
      description: 'Why and when birds sing.',
      level: 'beginner',
    });
    const module = await api('POST', `/courses/${course.id}/modules`, creator.accessToken, { title: 'Dawn' });
    const lessons = `/courses/${course.id}/modules/${module.id}/lessons`;
    // A real 2 s clip, processed by the workers, so the video lesson plays in the watch player.
    const video = await createVideo(t, creator.accessToken, { title: 'Dawn clip', visibility: 'public' });
    await attachSource(t, video.id, await makeLandscapeClip(fixtures, 2));
    assert.equal((await waitForOutcome(t, creator.accessToken, video.id)).status, 'ready');
    await api('POST', lessons, creator.accessToken, { kind: 'video', title: 'Listen at dawn', videoId: video.id });
    await api('POST', lessons, creator.accessToken, {
      kind: 'reading',
      title: 'Why birds sing',
      bodyMarkdown: READING,
    });
    await api('POST', lessons, creator.accessToken, {
      kind: 'quiz',
      title: 'Check yourself',
      passPercent: 100,
      maxAttempts: 3,
      questions: [
        { kind: 'choice', prompt: 'Who sings at dawn?', options: ['Owls', 'Robins'], answer: 1 },
        { kind: 'cloze', prompt: 'Robins sing at ____.', answer: 'dawn' },
      ],
    });
    await api('POST', `/courses/${course.id}/publish`, creator.accessToken, { published: true });

    // A learner without a channel who opens the course builder is offered one, not a form the API refuses.
    await signInThroughUi(page, learner, '/studio/courses');
    await page.getByRole('heading', { name: 'Open your channel to make courses' }).waitFor();
    assert.equal(await page.getByRole('form', { name: 'New course' }).count(), 0);
    await page.goto('/courses');
    await page.getByRole('link', { name: 'Birdsong basics' }).click();
    await page.waitForURL(`**/courses/${course.id}`);
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.getByText('0 % complete').waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    // The video lesson plays to its end in the watch player; its watch progress completes it.
    await page.getByRole('heading', { name: 'Listen at dawn' }).waitFor();
    const saved = page.waitForResponse(
      (response) => response.url().endsWith(`/videos/${video.id}/progress`) && response.request().method() === 'PUT',
    );
    await startPlayback(page);
    await page.waitForFunction(() => document.querySelector('video')?.ended === true, undefined, { timeout: 20_000 });
    assert.ok((await saved).ok());
    await page.getByRole('link', { name: 'Next: Why birds sing' }).click();

    // The reading completes only once its end has been on screen.
    await page.getByRole('heading', { name: 'Why birds sing' }).waitFor();
    await page.getByText('33 % complete').waitFor();
    await page.getByText('End of the reading').waitFor();
    assert.equal(await page.getByText('66 % complete').count(), 0, 'not complete before scrolling');
    await page.getByText('End of the reading').scrollIntoViewIfNeeded();
    await page.getByText('Reading complete ✓').waitFor();
    await page.getByText('66 % complete').waitFor();

    await page.getByRole('link', { name: 'Next: Check yourself' }).click();
    await page.getByRole('heading', { name: 'Check yourself' }).waitFor();
    // The page never received the answers: the outline it read has none.
    const outline = await api('GET', `/courses/${course.id}`, learner.accessToken);
    assert.equal(JSON.stringify(outline).includes('"answer"'), false);

    await page.getByLabel('Owls').check();
    await page.getByLabel('Answer to question 2').fill('dawn');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByText(/Score 50 % — Not passed · 2 attempts left/).waitFor();
    await page.getByLabel('Robins').check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByText(/Score 100 % — Passed · 1 attempts left · \+\d+ XP/).waitFor();
    await page.getByText('100 % complete').waitFor();
    await page.getByText('You passed this quiz ✓').waitFor();

    // XP, streak and rank on the learner's stats.
    await page.getByLabel('Your learning').waitFor();
    const learning = await api('GET', '/me/learning', learner.accessToken);
    assert.ok(learning.xp > 0);
    await page.getByLabel('Your learning').getByText(`${learning.xp}`, { exact: true }).first().waitFor();
    await page.getByLabel('Your learning').getByText('1 day', { exact: true }).waitFor();
    await page
      .getByLabel('Your learning')
      .getByRole('link', { name: `#${learning.rank}` })
      .click();
    await page.getByRole('heading', { name: 'Leaderboard' }).waitFor();
    await page.getByRole('table', { name: 'Top learners' }).getByText(learner.user.username).waitFor();
    await page.getByText(`Your rank: #${learning.rank} with ${learning.weekXp} XP`).waitFor();
    await page.getByRole('tab', { name: 'All time' }).click();
    await page.getByText(`Your rank: #${learning.rank} with ${learning.xp} XP`).waitFor();

    // The course page offers the certificate and the PDF export.
    await page.goto(`/courses/${course.id}`);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const downloadLink = page.getByRole('link', { name: 'Download PDF' });
    await downloadLink.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
    const pdf = await readFile((await download.path())!);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');

    await page.getByRole('link', { name: 'View your certificate' }).click();
    await page.waitForURL('**/certificates/*');
    const certificateId = page.url().split('/').pop()!;
    await page.getByText('Certificate of completion').waitFor();
    await page.getByRole('heading', { name: learner.user.username }).waitFor();
    await page.getByText(certificateId).waitFor();
    const certificate = await api('GET', `/certificates/${certificateId}`, creator.accessToken);
    assert.equal(certificate.courseId, course.id);
    await screenshot(page, 'courses-certificate');

    // A phone in the dark theme: every page fits 390 px.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const [path, heading] of [
      ['/courses', 'Courses'],
      [`/courses/${course.id}`, 'Birdsong basics'],
      [`/courses/${course.id}/lessons/${outline.modules[0].lessons[2].id}`, 'Check yourself'],
      ['/leaderboard', 'Leaderboard'],
      [`/certificates/${certificateId}`, learner.user.username],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await assertFitsWidth(path);
    }
    await screenshot(page, 'courses-certificate-phone-dark', { scale: 'css' });
    assert.deepEqual(browser.pageErrors, []);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await signOutThroughUi(page, learner.user.username);
  });

  test('a creator generates a course from two videos and a PDF, edits, drags, deletes and publishes it; a learner passes its quiz and gets the certificate', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    // Two ready videos with transcripts and chapters, as analysis leaves them (no speech recognition run here).
    const videoIds: string[] = [];
    for (const [title, sentences] of [
      ['Dawn chorus talk', BIRD_SENTENCES],
      ['Migration talk', BIRD_SENTENCES.slice(3)],
    ] as const) {
      const video = await createVideo(t, creator.accessToken, { title, visibility: 'public' });
      await t.platform.database.db.updateTable('videos').set({ status: 'ready' }).where('id', '=', video.id).execute();
      await transcribeVideo(t, video.id, [...sentences], BIRD_CHAPTERS);
      videoIds.push(video.id);
    }
    const pdfPath = join(fixtures, 'feathers.pdf');
    await writeFile(
      pdfPath,
      await makePdf([
        'Feathers\n\nFeathers keep birds warm and let them fly. Contour feathers shape the body of the bird.',
        'Nests\n\nMany birds weave nests from grass and twigs. The nest protects eggs from cold and predators.',
      ]),
    );

    await signInThroughUi(page, creator, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Course builder' }).click();
    await page.getByRole('heading', { name: 'Your courses' }).waitFor();
    const generate = page.getByRole('form', { name: 'Generate from sources' });
    await generate.getByLabel('Course title (optional)').fill('Birds from sources');
    await generate.getByLabel('Dawn chorus talk').check();
    await generate.getByLabel('Migration talk').check();
    await generate.getByLabel('Document (PDF, EPUB or Markdown)').setInputFiles(pdfPath);
    await generate.getByRole('button', { name: 'Generate course' }).click();
    await page.waitForURL(/\/studio\/courses\/[0-9a-f-]{36}$/, { timeout: 90_000 });
    const courseId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'Birds from sources' }).waitFor();

    // Edit the first generated question: it is saved and marked edited.
    const firstQuestion = page.getByRole('form', { name: 'Question 1' }).first();
    await firstQuestion.getByText('(generated)').waitFor();
    await firstQuestion.getByRole('textbox').first().fill('Which birds sing loudest at dawn?');
    await firstQuestion.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('form', { name: 'Question 1' }).first().getByText('(edited)').waitFor();
    const edited = await api('GET', `/courses/${courseId}/edit`, creator.accessToken);
    const quizzes = edited.modules.flatMap((m: { lessons: { kind: string }[] }) =>
      m.lessons.filter((l) => l.kind === 'quiz'),
    );
    assert.equal(quizzes[0].questions[0].prompt, 'Which birds sing loudest at dawn?');
    assert.equal(quizzes[0].questions[0].origin, 'edited');

    // Reorder by keyboard drag and drop: the first lesson of the first module goes one down.
    const [firstLesson, secondLesson] = edited.modules[0].lessons;
    await dragByKeyboard(page, `Drag ${firstLesson.title}`, 'ArrowDown');
    await eventually('the new lesson order to be saved', async () => {
      const outline = await api('GET', `/courses/${courseId}/edit`, creator.accessToken);
      const ids = outline.modules[0].lessons.map((lesson: { id: string }) => lesson.id);
      return ids[0] === secondLesson.id && ids[1] === firstLesson.id ? true : undefined;
    });

    // A module written by hand, with a reading.
    await page.getByRole('form', { name: 'Add a module' }).getByLabel('Module title').fill('Field notes');
    await page.getByRole('button', { name: 'Add module' }).click();
    const addLesson = page.getByRole('form', { name: 'Add a lesson to Field notes' });
    await addLesson.getByLabel('Lesson title').fill('My notes');
    await addLesson.getByLabel('Reading (Markdown)').fill('# Notes\n\nListen before sunrise.');
    await addLesson.getByRole('button', { name: 'Add lesson' }).click();
    await page.getByText('My notes').first().waitFor();

    // The new module is dragged above the last generated one (keyboard again).
    const before = (await api('GET', `/courses/${courseId}/edit`, creator.accessToken)).modules.map(
      (module: { id: string; title: string }) => module.title,
    );
    await dragByKeyboard(page, 'Drag module Field notes', 'ArrowUp');
    await eventually('the new module order to be saved', async () => {
      const outline = await api('GET', `/courses/${courseId}/edit`, creator.accessToken);
      const titles = outline.modules.map((module: { title: string }) => module.title);
      const expected = [...before.slice(0, -2), 'Field notes', before.at(-2)];
      return JSON.stringify(titles) === JSON.stringify(expected) ? true : undefined;
    });

    // Edit the course details and the reading; then delete the reading and its module.
    await page.getByText('Course details').click();
    const details = page.getByRole('form', { name: 'Course details' });
    await details.getByLabel('Description').fill('Birds, from two talks and a PDF.');
    await details.getByLabel('Level').selectOption('intermediate');
    await details.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Edit My notes').click();
    const lessonForm = page.getByRole('form', { name: 'Edit My notes' });
    await lessonForm.getByLabel('Lesson title').fill('Dawn notes');
    await lessonForm.getByLabel('Reading (Markdown)').fill('# Notes\n\nListen before sunrise, by the hedge.');
    await lessonForm.getByRole('button', { name: 'Save lesson' }).click();
    await page.getByRole('button', { name: 'Drag Dawn notes' }).waitFor();
    const afterEdits = await api('GET', `/courses/${courseId}/edit`, creator.accessToken);
    assert.equal(afterEdits.course.description, 'Birds, from two talks and a PDF.');
    assert.equal(afterEdits.course.level, 'intermediate');
    const notes = afterEdits.modules.flatMap((m: { lessons: { title: string; bodyMarkdown: string }[] }) => m.lessons);
    assert.ok(
      notes.some(
        (l: { title: string; bodyMarkdown: string }) => l.title === 'Dawn notes' && /hedge/.test(l.bodyMarkdown),
      ),
    );
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete lesson Dawn notes' }).click();
    await page.getByRole('button', { name: 'Drag Dawn notes' }).waitFor({ state: 'detached' });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete module Field notes' }).click();
    await page.getByRole('button', { name: 'Drag module Field notes' }).waitFor({ state: 'detached' });
    const afterDeletes = await api('GET', `/courses/${courseId}/edit`, creator.accessToken);
    assert.deepEqual(
      afterDeletes.modules.map((module: { title: string }) => module.title),
      before.slice(0, -1),
    );

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Back to draft' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.getByRole('button', { name: 'Back to draft' }).waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await assertFitsWidth('the course builder');
    await screenshot(page, 'courses-builder-phone', { scale: 'css' });

    // Published: anyone finds it in the catalogue.
    await page.goto('/courses');
    await page.getByRole('link', { name: 'Birds from sources' }).waitFor();

    // A learner takes the generated course: enrols and passes its first generated quiz in the page; its
    // other lessons are completed the way the player and the reading page report them (watch progress,
    // "scrolled to the end", quiz attempts); at 100 % the certificate opens.
    await signOutThroughUi(page, creator.user.username);
    await page.setViewportSize({ width: 1280, height: 800 });
    const learner = await registerUser(t.app);
    await signInThroughUi(page, learner, `/courses/${courseId}`);
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.getByText('0 % complete').waitFor();
    const generated = await api('GET', `/courses/${courseId}/edit`, creator.accessToken);
    type GeneratedLesson = {
      id: string;
      kind: string;
      title: string;
      videoId: string | null;
      questions: { id: string; kind: string; options: string[] | null; answer: number | string }[];
    };
    const all: GeneratedLesson[] = generated.modules.flatMap((m: { lessons: GeneratedLesson[] }) => m.lessons);
    const kinds = new Set(all.map((lesson) => lesson.kind));
    assert.deepEqual([kinds.has('video'), kinds.has('reading'), kinds.has('quiz')], [true, true, true]);
    const quiz = all.find((lesson) => lesson.kind === 'quiz')!;
    await t.platform.database.db
      .updateTable('videos')
      .set({ duration_seconds: 60 })
      .where('id', 'in', videoIds)
      .execute();
    for (const lesson of all) {
      if (lesson.id === quiz.id) continue;
      if (lesson.kind === 'video')
        await api('PUT', `/videos/${lesson.videoId}/progress`, learner.accessToken, {
          positionSeconds: 60,
          watchedSeconds: 60,
          completed: true,
        });
      else if (lesson.kind === 'reading')
        await api('POST', `/courses/${courseId}/lessons/${lesson.id}/read`, learner.accessToken, {
          scrolledToEnd: true,
        });
      else
        await api('POST', `/courses/${courseId}/lessons/${lesson.id}/attempts`, learner.accessToken, {
          answers: lesson.questions.map((question) => ({ questionId: question.id, answer: question.answer })),
        });
    }
    await page.goto(`/courses/${courseId}/lessons/${quiz.id}`);
    await page.getByRole('heading', { name: quiz.title }).waitFor();
    for (const [index, question] of quiz.questions.entries()) {
      if (question.kind === 'choice')
        await page
          .getByRole('group', { name: new RegExp(`^${index + 1}\\. `) })
          .getByLabel(question.options![Number(question.answer)]!, { exact: true })
          .check();
      else await page.getByLabel(`Answer to question ${index + 1}`).fill(String(question.answer));
    }
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByText(/Score 100 % — Passed · \d+ attempts left · \+\d+ XP/).waitFor();
    await page.getByText('100 % complete').waitFor();
    await page.goto(`/courses/${courseId}`);
    await page.getByRole('link', { name: 'View your certificate' }).click();
    await page.waitForURL('**/certificates/*');
    const generatedCertificate = await api('GET', `/certificates/${page.url().split('/').pop()}`, learner.accessToken);
    assert.equal(generatedCertificate.courseId, courseId);
    await page.getByText('Birds from sources').first().waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });
});
