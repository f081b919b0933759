// Reads the watch page's <video> element: what a person would see playing.
import type { Page } from 'playwright-core';

export interface PlaybackState {
  currentTime: number;
  paused: boolean;
  totalVideoFrames: number;
  videoHeight: number;
  error: string | null;
  /** Where the first stretch the player has played began (null before it plays): where playback started. */
  playedFrom: number | null;
}

export function playbackState(page: Page): Promise<PlaybackState> {
  return page.locator('video.player-video').evaluate((video: HTMLVideoElement) => ({
    currentTime: video.currentTime,
    paused: video.paused,
    totalVideoFrames: video.getVideoPlaybackQuality().totalVideoFrames,
    videoHeight: video.videoHeight,
    error: video.error ? `${video.error.code} ${video.error.message}` : null,
    playedFrom: video.played.length > 0 ? video.played.start(0) : null,
  }));
}

/** Polls the player until `check` holds, failing with the last state seen. */
export async function waitForPlayback(
  page: Page,
  what: string,
  check: (state: PlaybackState) => boolean,
  timeoutMs = 30_000,
): Promise<PlaybackState> {
  const deadline = Date.now() + timeoutMs;
  let state = await playbackState(page);
  while (!check(state)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; player state: ${JSON.stringify(state)}`);
    await page.waitForTimeout(200);
    state = await playbackState(page);
  }
  return state;
}

/**
 * Makes sure the video plays: once the player has read the ladder (the quality menu is filled, or on
 * a touch screen the player knows its rungs), it has either started by itself or waits for Play, which
 * is then pressed.
 */
export async function startPlayback(page: Page): Promise<void> {
  await page
    .locator('.player select:has(option[value="-1"]):enabled, .player[data-levels]:not([data-levels="0"])')
    .first()
    .waitFor();
  if ((await playbackState(page)).paused) await page.getByRole('button', { name: 'Play', exact: true }).click();
}

type RecordingVideo = HTMLVideoElement & { seekLandings?: number[] };

/**
 * Does `action` (a tap or click that should seek the player) and waits until the player lands within
 * `tolerance` seconds of `target`; answers where it landed. It listens for the player's `seeked` events
 * instead of polling `currentTime`: a playing video moves on past the target, and a poll on a loaded
 * machine can miss the moment it was there (a 12-second clip may even have ended).
 */
export async function seekBy(
  page: Page,
  what: string,
  target: number,
  tolerance: number,
  action: () => Promise<void>,
): Promise<number> {
  const video = page.locator('video.player-video');
  await video.evaluate((element: RecordingVideo) => {
    if (!element.seekLandings) {
      const landings: number[] = [];
      element.seekLandings = landings;
      element.addEventListener('seeked', () => landings.push(element.currentTime));
    }
    element.seekLandings.length = 0;
  });
  await action();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const landings = await video.evaluate((element: RecordingVideo) => element.seekLandings ?? []);
    const landing = landings.find((time) => Math.abs(time - target) < tolerance);
    if (landing !== undefined) return landing;
    if (Date.now() > deadline) {
      const state = JSON.stringify(await playbackState(page));
      throw new Error(`timed out waiting for ${what}; seeks landed at ${JSON.stringify(landings)}; player: ${state}`);
    }
    await page.waitForTimeout(200);
  }
}
