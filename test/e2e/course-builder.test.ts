// Browser check of the course builder's finer edits, at desktop width and on a 390 px phone: a lesson moved
// to another module with the keyboard ("Move to module"), quiz questions added, edited and deleted in an
// existing quiz, and the generate-from-sources form choosing who writes the course — the configured AI
// generator (refused here for a spent daily quota: the page says how long to wait and what is left) or
// the offline pipeline, which then builds the course.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { eventually } from '../support/eventually.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { apiCalls } from './support/api-calls.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { e2eDatabaseKind, screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';

const DAILY_TOKENS = 1000;

describe('course builder edits in Chromium', () => {
  let t: WebTestApp;
  let fake: FakeOpenAiServer;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-course-builder-'));
    fake = await startFakeOpenAiServer();
    t = await startWebTestApp(
      {
        AI_GENERATION_BASE_URL: fake.baseUrl,
        AI_GENERATION_MODEL: 'fake-writer',
        COURSES_GENERATION_DAILY_TOKENS: String(DAILY_TOKENS),
      },
      e2eDatabaseKind(),
    );
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await fake?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  const api = (...args: Parameters<ReturnType<typeof apiCalls>>) => apiCalls(t)(...args);

  /** The page fits a phone: nothing sticks out to the right (the message names what does). */
  const assertFitsWidth = async (what: string) => {
    const sticking = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node && out.length < 5; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const right =
          node instanceof Element ? node.getBoundingClientRect().right : range.getBoundingClientRect().right;
        // Visually hidden text (1 px, clipped) is not what a reader would scroll to.
        const box = node instanceof Element ? node : node.parentElement;
        if (box && box.getBoundingClientRect().width <= 1) continue;
        if (right > document.documentElement.clientWidth + 0.5)
          out.push(`${node.nodeName.toLowerCase()} ${Math.round(right)} "${node.textContent?.slice(0, 40)}"`);
      }
      return out;
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${what} overflows a phone by ${overflow} px: ${sticking.join(', ')}`);
  };

  test('move a lesson between modules, add, edit and delete quiz questions, choose the generator, see the quota wait', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const token = creator.accessToken;
    const course = await api('POST', '/courses', token, { title: 'Owls at night' });
    const basics = await api('POST', `/courses/${course.id}/modules`, token, { title: 'Basics' });
    const practice = await api('POST', `/courses/${course.id}/modules`, token, { title: 'Practice' });
    const notes = await api('POST', `/courses/${course.id}/modules/${basics.id}/lessons`, token, {
      kind: 'reading',
      title: 'Owl notes',
      bodyMarkdown: 'Owls hunt at night.',
    });
    const quiz = await api('POST', `/courses/${course.id}/modules/${basics.id}/lessons`, token, {
      kind: 'quiz',
      title: 'Owl check',
      questions: [
        { kind: 'choice', prompt: 'When do owls hunt?', options: ['Day', 'Night'], answer: 1 },
        { kind: 'cloze', prompt: 'Owls swallow prey ____.', answer: 'whole' },
      ],
    });
    const drill = await api('POST', `/courses/${course.id}/modules/${practice.id}/lessons`, token, {
      kind: 'reading',
      title: 'Owl drill',
      bodyMarkdown: 'Listen for hoots.',
    });
    const outline = () => api('GET', `/courses/${course.id}/edit`, token);
    const lessonIds = async () =>
      JSON.stringify(
        (await outline()).modules.map((module: { lessons: { id: string }[] }) => module.lessons.map((l) => l.id)),
      );
    const questionsOf = async () =>
      (await outline()).modules[0].lessons.find((lesson: { id: string }) => lesson.id === quiz.id).questions as {
        id: string;
        kind: string;
        prompt: string;
        options: string[] | null;
        answer: number | string;
        origin: string;
      }[];

    await signInThroughUi(page, creator, `/studio/courses/${course.id}`);
    await page.getByRole('heading', { name: 'Owls at night' }).waitFor();

    // "Move to module" by keyboard: the reading leaves Basics for the end of Practice.
    const move = page.getByRole('form', { name: 'Move Owl notes' });
    await move.getByLabel('Move to module').focus();
    await move.getByLabel('Move to module').selectOption({ label: 'Practice' });
    await move.getByRole('button', { name: 'Move' }).focus();
    await page.keyboard.press('Enter');
    await eventually('the lesson to be in Practice', async () =>
      (await lessonIds()) === JSON.stringify([[quiz.id], [drill.id, notes.id]]) ? true : undefined,
    );
    await page.getByRole('form', { name: 'Move Owl notes' }).getByLabel('Move to module').waitFor();
    assert.deepEqual(
      await page.getByRole('form', { name: 'Move Owl notes' }).getByRole('option').allTextContents(),
      ['Basics'],
      'now in Practice, it can move back to Basics only',
    );

    // Edit question 2's answer; add a multiple-choice question to the existing quiz.
    const second = page.getByRole('form', { name: 'Question 2' });
    await second.getByLabel('Answer').fill('in one gulp');
    await second.getByRole('button', { name: 'Save question' }).click();
    await eventually('the edited answer to be saved', async () =>
      (await questionsOf())[1]?.answer === 'in one gulp' ? true : undefined,
    );
    const added = page.getByRole('form', { name: 'New question for Owl check' });
    await added.getByLabel('Kind').selectOption('choice');
    await added.getByLabel('Prompt').fill('Which owl is the largest?');
    await added.getByLabel('Options (one per line)').fill('Barn owl\nEurasian eagle-owl\nLittle owl');
    await added.getByLabel('Correct option').selectOption({ label: 'Eurasian eagle-owl' });
    await added.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('form', { name: 'Question 3' }).waitFor();
    const afterAdd = await questionsOf();
    assert.deepEqual(
      afterAdd.map((q) => [q.prompt, q.answer, q.origin]),
      [
        ['When do owls hunt?', 1, 'manual'],
        ['Owls swallow prey ____.', 'in one gulp', 'manual'],
        ['Which owl is the largest?', 1, 'manual'],
      ],
    );
    assert.deepEqual(afterAdd[2]!.options, ['Barn owl', 'Eurasian eagle-owl', 'Little owl']);

    // On a phone: delete question 1 (confirmed), move the reading back, and the builder fits 390 px.
    await page.setViewportSize({ width: 390, height: 844 });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete question 1' }).click();
    await eventually('question 1 to be deleted', async () => ((await questionsOf()).length === 2 ? true : undefined));
    assert.deepEqual(
      (await questionsOf()).map((q) => q.id),
      [afterAdd[1]!.id, afterAdd[2]!.id],
      'the other questions keep their ids (attempts refer to them)',
    );
    await page.getByRole('form', { name: 'Question 3' }).waitFor({ state: 'detached' });
    const back = page.getByRole('form', { name: 'Move Owl notes' });
    await back.getByLabel('Move to module').selectOption({ label: 'Basics' });
    await back.getByRole('button', { name: 'Move' }).click();
    await eventually('the lesson to be back in Basics', async () =>
      (await lessonIds()) === JSON.stringify([[quiz.id, notes.id], [drill.id]]) ? true : undefined,
    );
    await assertFitsWidth('the builder');
    await screenshot(page, 'course-builder-edits-phone', { scale: 'css' });

    // Generate from sources on the phone: the AI generator is offered with the quota, which is spent today.
    await t.platform.database.db
      .insertInto('course_generations')
      .values({
        user_id: creator.user.id,
        request_hash: 'earlier-generation',
        request: JSON.stringify({}),
        status: 'completed',
        tokens_used: DAILY_TOKENS,
        generator: 'remote',
      })
      .execute();
    const markdown = join(fixtures, 'owls.md');
    await writeFile(
      markdown,
      [
        '# Hunting',
        'Owls hunt at night. Their ears hear voles moving under deep snow. An owl turns its head to find the sound.',
        '# Feathers',
        'Soft feather edges make owl flight silent. Prey cannot hear the owl coming. Owls glide low over fields.',
      ].join('\n\n'),
    );
    await page.goto('/studio/courses');
    const generate = page.getByRole('form', { name: 'Generate from sources' });
    await generate.getByLabel('Course title (optional)').fill('Owls from notes');
    await generate.getByLabel('Document (PDF, EPUB or Markdown)').setInputFiles(markdown);
    const ai = generate.getByLabel(/AI generator \(fake-writer\)/);
    await generate.getByText(`0 of ${DAILY_TOKENS.toLocaleString('en')} tokens left today`).waitFor();
    assert.equal(await generate.getByLabel('Offline pipeline (no quota)').isChecked(), true, 'offline by default');
    await assertFitsWidth('the studio courses page');
    await ai.check();
    await generate.getByRole('button', { name: 'Generate course' }).click();
    const notice = generate.getByRole('alert');
    await notice.getByText('Your daily AI generation quota is spent: 0 tokens left today.').waitFor();
    const wait = await notice.getByText(/Try the AI generator again in/).textContent();
    assert.match(wait ?? '', /again in (\d+ h \d+ min|\d+ min|\d+ s) \(at /);
    assert.equal(page.url().endsWith('/studio/courses'), true, 'nothing was generated');
    assert.equal(fake.requests.length, 0, 'the generator was never called');
    await assertFitsWidth('the generate form');
    await screenshot(page, 'course-generate-quota-phone', { scale: 'css' });

    // The offline pipeline needs no quota: switch and generate.
    await notice.getByRole('button', { name: 'Switch to offline' }).click();
    assert.equal(await generate.getByLabel('Offline pipeline (no quota)').isChecked(), true);
    await generate.getByRole('button', { name: 'Generate course' }).click();
    await page.waitForURL(/\/studio\/courses\/[0-9a-f-]{36}$/, { timeout: 90_000 });
    await page.getByRole('heading', { name: 'Owls from notes' }).waitFor();
    const written = await t.platform.database.db
      .selectFrom('course_generations')
      .select('generator')
      .where('course_id', '=', page.url().split('/').pop()!)
      .executeTakeFirstOrThrow();
    assert.equal(written.generator, 'local');
    assert.deepEqual(browser.pageErrors, []);
  });
});
