import Bowser from 'bowser';

export type DeviceClass = 'desktop' | 'mobile' | 'tablet' | 'tv' | 'other';
export interface ClientKind {
  device: DeviceClass;
  browser: string;
  bot: boolean;
}

const DEVICE_CLASSES = new Set<string>(['desktop', 'mobile', 'tablet', 'tv']);
// Crawlers do not watch: their batches are accepted and dropped. (Headless Chrome is a real player in tests.)
const BOT_PATTERN = /bot\b|bot\/|crawl|spider|slurp/i;

/** Device class and browser family from the User-Agent header (bowser); the header itself is not kept. */
export function classifyUserAgent(userAgent: string | undefined): ClientKind {
  if (!userAgent) return { device: 'other', browser: 'unknown', bot: false };
  const parsed = Bowser.parse(userAgent);
  const type = parsed.platform.type ?? '';
  return {
    device: DEVICE_CLASSES.has(type) ? (type as DeviceClass) : 'other',
    browser: (parsed.browser.name ?? 'unknown').slice(0, 40),
    bot: BOT_PATTERN.test(userAgent),
  };
}
