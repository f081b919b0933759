/**
 * Web app in headless Chromium: home page first (and largest) contentful paint, watch page time to first frame, first-page JS (gzipped).
 *
 * Starts StreamHub on a fresh embedded database (the built web app, the API, in-process workers),
 * processes one generated clip so the watch page has something to play, then for each round launches
 * Debian's Chromium with a fresh profile and measures:
 *   - home FCP and LCP, cold (first visit, empty cache) and warm (second visit, same browser);
 *   - watch page time to first frame (requestVideoFrameCallback marks the first presented frame):
 *     from clicking a search result (the player starts by itself), and from opening the page
 *     directly (navigation start, Play pressed as soon as it shows);
 *   - the JavaScript the home page loads, gzipped (level 9) as a server or CDN would send it.
 *   - the same home FCP and times to first frame on a phone: 390×844 with Chromium's mobile emulation
 *     (touch, device scale factor 3) and the CPU slowed down 4× (CDP Emulation.setCPUThrottlingRate),
 *     which is roughly a mid-range phone next to a laptop core.
 * Point it at another server (a seeded catalogue) with BENCH_WEB_URL, BENCH_WEB_VIDEO_ID and BENCH_WEB_VIDEO_TITLE.
 *
 * Environment: BENCH_ROUNDS (5), BENCH_WEB_URL, BENCH_WEB_VIDEO_ID, BENCH_WEB_VIDEO_TITLE, BENCH_PHONE_CPU_SLOWDOWN (4),
 * CHROMIUM_PATH (/usr/bin/chromium).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser, type PhoneDevice } from '../test/e2e/support/browser.ts';
import { startPlayback } from '../test/e2e/support/player.ts';
import { startWebTestApp, type WebTestApp } from '../test/e2e/support/web-app.ts';
import { registerUser } from '../test/support/app.ts';
import { makeLandscapeClip } from '../test/support/media-fixtures.ts';
import { attachSource, createVideo, waitForOutcome } from '../src/modules/videos/video-test-support.ts';
import { envNumber, markdownTable } from './support/options.ts';

const ROUNDS = Math.round(envNumber('BENCH_ROUNDS', 5));
const PHONE_CPU_SLOWDOWN = envNumber('BENCH_PHONE_CPU_SLOWDOWN', 4);
const PHONE: PhoneDevice = { width: 390, height: 844, deviceScaleFactor: 3 };

interface Target {
  baseUrl: string;
  videoId: string;
  title: string;
  close(): Promise<void>;
}

async function startOwnTarget(): Promise<Target> {
  const fixtures = await mkdtemp(join(tmpdir(), 'streamhub-bench-web-'));
  const t: WebTestApp = await startWebTestApp();
  const creator = await registerUser(t.app, { role: 'creator' });
  const title = 'Benchmark clip of a windy beach';
  const video = await createVideo(t, creator.accessToken, { title });
  await attachSource(t, video.id, await makeLandscapeClip(fixtures, 20));
  const ready = await waitForOutcome(t, creator.accessToken, video.id, 180_000);
  if (ready.status !== 'ready') throw new Error(`the benchmark clip failed to process: ${ready.failureReason}`);
  return {
    baseUrl: t.baseUrl,
    videoId: video.id,
    title,
    close: async () => {
      await t.close();
      await rm(fixtures, { recursive: true, force: true });
    },
  };
}

async function target(): Promise<Target> {
  const baseUrl = process.env.BENCH_WEB_URL;
  if (!baseUrl) return startOwnTarget();
  const videoId = process.env.BENCH_WEB_VIDEO_ID;
  const title = process.env.BENCH_WEB_VIDEO_TITLE;
  if (!videoId || !title)
    throw new Error(
      'BENCH_WEB_URL needs BENCH_WEB_VIDEO_ID and BENCH_WEB_VIDEO_TITLE (a ready, public video that search finds)',
    );
  return { baseUrl, videoId, title, close: async () => undefined };
}

interface Paints {
  fcp: number;
  lcp: number;
}

/** First contentful paint, and the largest contentful paint once the page has settled. */
async function homePaints(page: Page): Promise<Paints> {
  await page.goto('/', { waitUntil: 'networkidle' });
  // Two plain evaluations: tsx would wrap a named helper inside the page function in its own __name().
  const latestEntry = (type: string) =>
    page.evaluate(
      (entryType) =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list, observer) => {
            const entries = list
              .getEntries()
              .filter((entry) => entryType !== 'paint' || entry.name === 'first-contentful-paint');
            if (entries.length) {
              observer.disconnect();
              resolve(entries[entries.length - 1]!.startTime);
            }
          }).observe({ type: entryType, buffered: true });
        }),
      type,
    );
  return { fcp: await latestEntry('paint'), lcp: await latestEntry('largest-contentful-paint') };
}

/** Opened directly (a shared link): navigation start to first frame, pressing Play as soon as the player is ready if it did not start by itself. */
async function directLoadToFirstFrame(page: Page, videoId: string): Promise<number> {
  await page.goto(`/watch/${videoId}`, { waitUntil: 'commit' });
  const video = page.locator('video.player-video');
  await video.waitFor({ state: 'attached' });
  await video.evaluate((element: HTMLVideoElement) => {
    const marks = window as unknown as { firstFrameAt?: Promise<number> };
    marks.firstFrameAt = new Promise((resolve) => element.requestVideoFrameCallback(() => resolve(performance.now())));
  });
  await startPlayback(page);
  return page.evaluate(() => (window as unknown as { firstFrameAt: Promise<number> }).firstFrameAt);
}

/** Clicked from a list (search results), the common way in: the click to the first frame; the player starts itself. */
async function clickToFirstFrame(page: Page, videoId: string, title: string): Promise<number> {
  await page.goto(`/search?q=${encodeURIComponent(title)}`);
  const link = page.locator(`.search-result[data-video-id="${videoId}"] h3 a`);
  await link.waitFor();
  await page.evaluate(() => {
    const marks = window as unknown as { clickedAt?: number; firstFrameAt?: Promise<number> };
    document.addEventListener(
      'click',
      (event) => {
        marks.clickedAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
    marks.firstFrameAt = new Promise((resolve) => {
      new MutationObserver((_changes, observer) => {
        const element = document.querySelector<HTMLVideoElement>('video.player-video');
        if (!element) return;
        observer.disconnect();
        element.requestVideoFrameCallback(() => resolve(performance.now()));
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
  await link.click();
  return page.evaluate(async () => {
    const marks = window as unknown as { clickedAt: number; firstFrameAt: Promise<number> };
    return (await marks.firstFrameAt) - marks.clickedAt;
  });
}

/** The scripts the home page loaded (entry, preloads and lazy chunks it pulled in), gzipped. */
async function firstPageScripts(page: Page): Promise<{ files: number; rawBytes: number; gzipBytes: number }> {
  await page.goto('/', { waitUntil: 'networkidle' });
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.endsWith('.js')),
  );
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: urls.length, rawBytes, gzipBytes };
}

function summary(values: number[]): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return [`${Math.round(median)} ms`, `${Math.round(sorted[0]!)} ms`, `${Math.round(sorted.at(-1)!)} ms`];
}

const server = await target();
const cold: Paints[] = [];
const warm: Paints[] = [];
const directFirstFrame: number[] = [];
const clickFirstFrame: number[] = [];
const phoneCold: Paints[] = [];
const phoneDirectFirstFrame: number[] = [];
const phoneClickFirstFrame: number[] = [];
let scripts = { files: 0, rawBytes: 0, gzipBytes: 0 };
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    const browser = await launchBrowser(server.baseUrl);
    try {
      const page = await browser.newPage();
      cold.push(await homePaints(page));
      warm.push(await homePaints(page));
      directFirstFrame.push(await directLoadToFirstFrame(page, server.videoId));
      clickFirstFrame.push(await clickToFirstFrame(page, server.videoId, server.title));
      if (round === 0) {
        const fresh = await launchBrowser(server.baseUrl);
        scripts = await firstPageScripts(await fresh.newPage()).finally(() => fresh.close());
      }
    } finally {
      await browser.close();
    }
    const phone = await launchBrowser(server.baseUrl, PHONE);
    try {
      const page = await phone.newPage();
      const devtools = await phone.context.newCDPSession(page);
      await devtools.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
      phoneCold.push(await homePaints(page));
      phoneDirectFirstFrame.push(await directLoadToFirstFrame(page, server.videoId));
      phoneClickFirstFrame.push(await clickToFirstFrame(page, server.videoId, server.title));
    } finally {
      await phone.close();
    }
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
} finally {
  await server.close();
}

console.log(
  `\nWeb app in headless Chromium (${ROUNDS} rounds, ${server.baseUrl.includes('127.0.0.1') ? 'localhost' : server.baseUrl})\n`,
);
console.log(
  markdownTable(
    ['measure', 'median', 'best', 'worst', 'goal'],
    [
      ['home FCP, first visit', ...summary(cold.map((paints) => paints.fcp)), '< 1500 ms'],
      ['home FCP, repeat visit', ...summary(warm.map((paints) => paints.fcp)), '< 1500 ms'],
      ['home LCP, first visit', ...summary(cold.map((paints) => paints.lcp)), ''],
      ['home LCP, repeat visit', ...summary(warm.map((paints) => paints.lcp)), ''],
      ['watch page from a link: click to first frame', ...summary(clickFirstFrame), '< 2000 ms'],
      ['watch page opened directly: load to first frame', ...summary(directFirstFrame), '< 2000 ms'],
      [
        `phone (390×844, CPU ${PHONE_CPU_SLOWDOWN}× slower): home FCP, first visit`,
        ...summary(phoneCold.map((paints) => paints.fcp)),
        '',
      ],
      [
        `phone (390×844, CPU ${PHONE_CPU_SLOWDOWN}× slower): home LCP, first visit`,
        ...summary(phoneCold.map((paints) => paints.lcp)),
        '',
      ],
      [
        `phone (390×844, CPU ${PHONE_CPU_SLOWDOWN}× slower): click to first frame`,
        ...summary(phoneClickFirstFrame),
        '',
      ],
      [
        `phone (390×844, CPU ${PHONE_CPU_SLOWDOWN}× slower): opened directly, load to first frame`,
        ...summary(phoneDirectFirstFrame),
        '',
      ],
    ],
    ['left', 'right', 'right', 'right', 'right'],
  ),
);
console.log(
  `\nFirst-page JS: ${scripts.files} files, ${(scripts.rawBytes / 1024).toFixed(1)} kB raw, ${(scripts.gzipBytes / 1024).toFixed(1)} kB gzipped (goal < 250 kB)`,
);
