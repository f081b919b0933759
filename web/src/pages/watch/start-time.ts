/** `?t=90`, `?t=90.5` or `?t=1m30s` / `?t=1h2m3s`: where to start, in seconds; undefined when unreadable. */
export function parseStartTime(raw: string | null): number | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s?)?$/.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return Number.isFinite(seconds) ? seconds : undefined;
}
