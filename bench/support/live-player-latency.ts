/**
 * Glass-to-glass latency read from the picture: hls.js in headless Chromium (Debian's, as the browser
 * tests use) plays a live stream whose frames carry their capture time (stamped-stream.ts). On each
 * presented frame (requestVideoFrameCallback, at most every SAMPLE_MS) the page draws the video into
 * a canvas and reads the code's cells; the frame's display time (the callback's expectedDisplayTime,
 * on the page's wall clock) minus the decoded capture time is the glass-to-glass latency. One machine,
 * one clock. Player configurations take turns on the same stream, one page at a time: a page in a
 * background tab is not rendered, so its frames would be neither shown nor sampled.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser } from '../../test/e2e/support/browser.ts';
import { percentiles, type Latency } from './latency.ts';
import { readStamp, stampCellCentres } from './time-stamp-code.ts';

const SAMPLE_MS = 200;
const PAGE_PATH = '/__bench/live-player.html';
const HLS_PATH = '/__bench/hls.js';

export interface PlayerSetup {
  name: string;
  /** hls.js configuration, as LivePlayer.tsx passes it. */
  config: Record<string, unknown>;
}

export interface PlayerLatency {
  name: string;
  samples: number;
  /** Frames whose code did not read (checksum or a smeared cell): left out, counted here. */
  unreadable: number;
  latency: Latency;
  /** hls.js's own estimate of the distance to the live edge (seconds), averaged over the samples. */
  hlsLatencySeconds: number;
  /** Times playback stalled (the video's `waiting` event) while measuring. */
  stalls: number;
}

interface Sample {
  shownAt: number;
  brightness: number[];
  hlsLatency: number;
}

function pageHtml(source: string, config: Record<string, unknown>): string {
  return `<!doctype html><html><body><video muted playsinline width="640" height="360"></video>
<script src="${HLS_PATH}"></script>
<script>
const source = ${JSON.stringify(source)};
const cells = ${JSON.stringify(stampCellCentres())};
const video = document.querySelector('video');
const canvas = document.createElement('canvas');
canvas.width = 640;
canvas.height = 360;
const context = canvas.getContext('2d', { willReadFrequently: true });
window.samples = [];
window.errors = [];
window.stalls = 0;
window.sampling = false;
video.addEventListener('waiting', () => { if (window.sampling) window.stalls += 1; });
const hls = new Hls(${JSON.stringify(config)});
hls.on(Hls.Events.ERROR, (_event, data) => {
  if (!data.fatal) return;
  window.errors.push(data.details);
  if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
  else setTimeout(() => hls.loadSource(source), 1000);
});
hls.on(Hls.Events.MANIFEST_PARSED, () => video.play().catch((error) => window.errors.push(String(error))));
hls.loadSource(source);
hls.attachMedia(video);
let last = 0;
const onFrame = (_now, frame) => {
  const shownAt = performance.timeOrigin + frame.expectedDisplayTime;
  if (window.sampling && shownAt - last >= ${SAMPLE_MS}) {
    last = shownAt;
    context.drawImage(video, 0, 0, 640, 360);
    const brightness = cells.map(({ x, y }) => {
      const pixels = context.getImageData(x - 4, y - 4, 8, 8).data;
      let sum = 0;
      for (let i = 0; i < pixels.length; i += 4) sum += (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;
      return sum / (pixels.length / 4);
    });
    window.samples.push({ shownAt, brightness, hlsLatency: hls.latency });
  }
  video.requestVideoFrameCallback(onFrame);
};
video.requestVideoFrameCallback(onFrame);
</script></body></html>`;
}

/**
 * For each setup in turn, opens a page on `playlistPath` (under `baseUrl`), lets it play
 * `settleSeconds`, then samples for `seconds`. The page is served under the API's origin (intercepted, never hitting the
 * server) so the player fetches the media exactly as the web app does, without CORS in the way.
 */
export async function measurePlayerLatency(options: {
  baseUrl: string;
  playlistPath: string;
  setups: PlayerSetup[];
  settleSeconds: number;
  seconds: number;
}): Promise<PlayerLatency[]> {
  const hlsScript = readFileSync(createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js'));
  const browser = await launchBrowser(options.baseUrl);
  try {
    const results: PlayerLatency[] = [];
    for (const setup of options.setups) results.push(await measureOne(setup));
    return results;
  } finally {
    await browser.close();
  }

  async function measureOne(setup: PlayerSetup): Promise<PlayerLatency> {
    const page = await browser.context.newPage();
    try {
      await page.route(`${options.baseUrl}${HLS_PATH}`, (route) =>
        route.fulfill({ body: hlsScript, contentType: 'text/javascript' }),
      );
      await page.route(`${options.baseUrl}${PAGE_PATH}`, (route) =>
        route.fulfill({ body: pageHtml(options.playlistPath, setup.config), contentType: 'text/html' }),
      );
      await page.goto(`${options.baseUrl}${PAGE_PATH}`);
      await new Promise((resolve) => setTimeout(resolve, options.settleSeconds * 1000));
      await page.evaluate(() => ((window as unknown as { sampling: boolean }).sampling = true));
      await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
      const state = await page.evaluate(() => {
        const scope = window as unknown as { samples: Sample[]; errors: string[]; stalls: number; sampling: boolean };
        scope.sampling = false;
        return { samples: scope.samples, errors: scope.errors, stalls: scope.stalls };
      });
      const latencies: number[] = [];
      let unreadable = 0;
      for (const sample of state.samples) {
        const capturedAt = readStamp(sample.brightness);
        if (capturedAt === undefined) unreadable += 1;
        else latencies.push(sample.shownAt - capturedAt);
      }
      if (latencies.length === 0) {
        throw new Error(`${setup.name}: no readable frame (player errors: ${state.errors.join(', ') || 'none'})`);
      }
      const hlsLatencies = state.samples.map((sample) => sample.hlsLatency).filter(Number.isFinite);
      return {
        name: setup.name,
        samples: latencies.length,
        unreadable,
        latency: percentiles(latencies),
        hlsLatencySeconds: hlsLatencies.reduce((sum, value) => sum + value, 0) / Math.max(1, hlsLatencies.length),
        stalls: state.stalls,
      };
    } finally {
      await page.close();
    }
  }
}
