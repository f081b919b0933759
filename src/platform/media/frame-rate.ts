const MAX_OUTPUT_FPS = 60;
const FALLBACK_FPS = 30;
/** NTSC-family rates are exact fractions; rounding them to integers would drop or repeat frames. */
const NTSC_RATES = [24_000 / 1001, 30_000 / 1001, 60_000 / 1001];

/**
 * The constant rate to encode at: the source's average rate capped at 60, snapped to an NTSC rate or
 * to a whole number. Variable-frame-rate sources average to odd values (45.25...) that would otherwise
 * become irregular timestamps in a 90 kHz MPEG-TS clock.
 */
export function outputFps(sourceFps: number): number {
  if (!Number.isFinite(sourceFps) || sourceFps <= 0) return FALLBACK_FPS;
  const capped = Math.min(sourceFps, MAX_OUTPUT_FPS);
  const ntsc = NTSC_RATES.find((rate) => Math.abs(capped - rate) < 0.01);
  if (ntsc !== undefined) return Math.round(ntsc * 1000) / 1000;
  return Math.max(1, Math.round(capped));
}

/** The exact rational ffmpeg should use for a rate from `outputFps`. */
export function ffmpegFrameRate(fps: number): string {
  const ntsc = NTSC_RATES.find((rate) => Math.abs(fps - rate) < 0.01);
  return ntsc === undefined ? String(fps) : `${Math.round(ntsc * 1001)}/1001`;
}
