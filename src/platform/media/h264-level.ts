/**
 * H.264 levels from Annex A of the spec, limited to what a web ladder needs. Level 3.0 is the floor:
 * every HLS player decodes it, and going lower gains nothing. Max bitrates are for the High profile
 * (1.25x the Baseline/Main figures).
 */
const LEVELS = [
  { name: '3.0', idc: 30, maxMacroblocksPerSecond: 40_500, maxFrameMacroblocks: 1_620, maxKbps: 12_500 },
  { name: '3.1', idc: 31, maxMacroblocksPerSecond: 108_000, maxFrameMacroblocks: 3_600, maxKbps: 17_500 },
  { name: '3.2', idc: 32, maxMacroblocksPerSecond: 216_000, maxFrameMacroblocks: 5_120, maxKbps: 25_000 },
  { name: '4.0', idc: 40, maxMacroblocksPerSecond: 245_760, maxFrameMacroblocks: 8_192, maxKbps: 25_000 },
  { name: '4.1', idc: 41, maxMacroblocksPerSecond: 245_760, maxFrameMacroblocks: 8_192, maxKbps: 62_500 },
  { name: '4.2', idc: 42, maxMacroblocksPerSecond: 522_240, maxFrameMacroblocks: 8_704, maxKbps: 62_500 },
  { name: '5.0', idc: 50, maxMacroblocksPerSecond: 589_824, maxFrameMacroblocks: 22_080, maxKbps: 168_750 },
  { name: '5.1', idc: 51, maxMacroblocksPerSecond: 983_040, maxFrameMacroblocks: 36_864, maxKbps: 300_000 },
  { name: '5.2', idc: 52, maxMacroblocksPerSecond: 2_073_600, maxFrameMacroblocks: 36_864, maxKbps: 300_000 },
] as const;

export interface H264Level {
  /** As libx264's `-level` takes it, e.g. "3.1". */
  name: string;
  /** level_idc as written in the SPS and in the RFC 6381 codec string, e.g. 31. */
  idc: number;
}

/** The lowest level whose frame size, macroblock rate and bitrate limits all fit the stream. */
export function pickH264Level(width: number, height: number, fps: number, maxBitrate: number): H264Level {
  const frameMacroblocks = Math.ceil(width / 16) * Math.ceil(height / 16);
  const macroblocksPerSecond = frameMacroblocks * fps;
  const level =
    LEVELS.find(
      (candidate) =>
        frameMacroblocks <= candidate.maxFrameMacroblocks &&
        macroblocksPerSecond <= candidate.maxMacroblocksPerSecond &&
        maxBitrate / 1000 <= candidate.maxKbps,
    ) ?? LEVELS[LEVELS.length - 1]!;
  return { name: level.name, idc: level.idc };
}

/** RFC 6381 codec string for H.264 High profile (profile_idc 100 = 0x64, no constraint flags). */
export function h264HighCodecString(level: H264Level): string {
  return `avc1.6400${level.idc.toString(16).padStart(2, '0')}`;
}

/** AAC-LC, the only audio codec HLS players are guaranteed to play. */
export const AAC_LC_CODEC_STRING = 'mp4a.40.2';
