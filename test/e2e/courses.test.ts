// Browser check of the learner's side of courses: a creator's published course (built through the API
// here) is found in the catalogue; a learner enrols, reads a lesson to its end, fails then passes the quiz
// (graded on the server), sees XP, streak and rank, downloads the PDF export and opens the certificate;
// the pages are checked at 390 px in the dark theme too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { bearer, json, registerUser } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';

// Long enough that the reading's end starts below the fold: it must be scrolled to.
const READING = [
  '# Dawn chorus',
  ...Array.from({ length: 40 }, (_, i) => `Robins sing at dawn, paragraph ${i + 1}.`),
].join('\n\n');

describe('courses in Chromium (learner)', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;

  before(async () => {
    t = await startWebTestApp();
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const api = async (method: 'GET' | 'POST', url: string, token: string, payload?: object) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(token),
      ...(payload ? { payload } : {}),
    });
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
    return json(response).data;
  };

  /** The page is no wider than the screen: nothing forces sideways scrolling on a phone. */
  const assertFitsWidth = async (what: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${what} overflows the screen by ${overflow} px`);
  };

  test('enrol, read to the end, pass the quiz, see XP and rank, download the PDF, open the certificate', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const learner = await registerUser(t.app);
    const course = await api('POST', '/courses', creator.accessToken, {
      title: 'Birdsong basics',
      description: 'Why and when birds sing.',
      level: 'beginner',
    });
    const module = await api('POST', `/courses/${course.id}/modules`, creator.accessToken, { title: 'Dawn' });
    const lessons = `/courses/${course.id}/modules/${module.id}/lessons`;
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

    await signInThroughUi(page, learner, '/courses');
    await page.getByRole('link', { name: 'Birdsong basics' }).click();
    await page.waitForURL(`**/courses/${course.id}`);
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.getByText('0 % complete').waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    // The reading completes only once its end has been on screen.
    await page.getByRole('heading', { name: 'Why birds sing' }).waitFor();
    await page.getByText('End of the reading').waitFor();
    assert.equal(await page.getByText('50 % complete').count(), 0, 'not complete before scrolling');
    await page.getByText('End of the reading').scrollIntoViewIfNeeded();
    await page.getByText('Reading complete ✓').waitFor();
    await page.getByText('50 % complete').waitFor();

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
      [`/courses/${course.id}/lessons/${outline.modules[0].lessons[1].id}`, 'Check yourself'],
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
  });
});
