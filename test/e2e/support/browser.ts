// Headless Chromium for browser tests and benchmarks: Debian's package (/usr/bin/chromium), driven
// by playwright-core, never a downloaded browser. Each launch gets a fresh profile.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  /** Browser console errors and uncaught page errors seen so far, for failure messages. */
  pageErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A phone to emulate: its screen in CSS pixels, touch input, a mobile viewport and a dense display. */
export interface PhoneDevice {
  width: number;
  height: number;
  deviceScaleFactor?: number;
}

/** Chromium's mobile emulation: `isMobile` honours the page's viewport meta tag, `hasTouch` makes taps touches. */
export function phoneEmulation(device: PhoneDevice) {
  return {
    viewport: { width: device.width, height: device.height },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: device.deviceScaleFactor ?? 3,
  };
}

export async function launchBrowser(baseURL: string, phone?: PhoneDevice): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'streamhub-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL,
    ...(phone ? phoneEmulation(phone) : { viewport: { width: 1280, height: 800 } }),
  });
  const pageErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    pageErrors,
    newPage: async () => context.pages()[0] ?? context.newPage(),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
