import { outputFps } from './frame-rate.ts';
import { AAC_LC_CODEC_STRING, h264HighCodecString, pickH264Level } from './h264-level.ts';
import type { MediaInfo } from './probe.ts';

export interface VideoRendition {
  kind: 'video';
  /** Also the rendition's directory name, e.g. "720p". */
  name: string;
  width: number;
  height: number;
  /** Constant output frame rate, see `outputFps`. */
  fps: number;
  /** Bits per second. */
  videoBitrate: number;
  maxrate: number;
  /** VBV buffer, in bits. */
  bufsize: number;
  /** Null when the source has no audio: the variant is video only. */
  audioBitrate: number | null;
  /** H.264 level handed to libx264, so the stream and `codecs` agree. */
  h264Level: string;
  /** RFC 6381 CODECS attribute for the master playlist. */
  codecs: string;
  /** Declared peak for the master playlist's BANDWIDTH, in bits per second. */
  bandwidth: number;
}

export interface AudioRendition {
  kind: 'audio';
  name: 'audio';
  audioBitrate: number;
  codecs: string;
  bandwidth: number;
}

export type Rendition = VideoRendition | AudioRendition;

export type LadderSource = Pick<MediaInfo, 'width' | 'height' | 'fps' | 'hasVideo' | 'hasAudio'>;

/** Rung heights apply to the short side, so portrait video gets the same quality steps as landscape. */
const RUNGS = [
  { shortSide: 240, videoKbps: 400, audioKbps: 96 },
  { shortSide: 360, videoKbps: 800, audioKbps: 96 },
  { shortSide: 480, videoKbps: 1_400, audioKbps: 128 },
  { shortSide: 720, videoKbps: 2_800, audioKbps: 128 },
  { shortSide: 1080, videoKbps: 5_000, audioKbps: 128 },
] as const;

const AUDIO_ONLY_KBPS = 128;
const MIN_VIDEO_KBPS = 64;
/** Peak allowed above the average, as Apple's HLS authoring spec recommends for VOD (<= 110%). */
const MAXRATE_FACTOR = 1.1;
/** Two seconds of average bitrate smooths rate control without letting segments spike. */
const BUFSIZE_FACTOR = 2;
/** MPEG-TS packetisation adds a few percent on top of the elementary streams; ffmpeg allows 10%. */
const MUX_OVERHEAD_FACTOR = 1.1;

function evenFloor(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}

function evenRound(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

function roundKbps(bitsPerSecond: number): number {
  return Math.round(bitsPerSecond / 1000) * 1000;
}

interface Size {
  width: number;
  height: number;
}

/** Scales so the short side becomes `shortSide`, keeping aspect and never exceeding the source. */
function scaleToShortSide(source: Size, shortSide: number): Size {
  const portrait = source.height > source.width;
  const sourceShort = portrait ? source.width : source.height;
  const sourceLong = portrait ? source.height : source.width;
  const long = Math.min(evenRound((shortSide * sourceLong) / sourceShort), evenFloor(sourceLong));
  return portrait ? { width: shortSide, height: long } : { width: long, height: shortSide };
}

function videoRendition(
  name: string,
  size: Size,
  fps: number,
  rung: (typeof RUNGS)[number],
  hasAudio: boolean,
): VideoRendition {
  // Nominal bitrates are for 16:9 at <= 30 fps; spend bits per pixel per second, not per rung name.
  const nominalPixels = rung.shortSide * ((rung.shortSide * 16) / 9);
  const frameRateFactor = fps > 30 ? 1.5 : 1;
  const videoBitrate = roundKbps(
    Math.max(
      MIN_VIDEO_KBPS * 1000,
      rung.videoKbps * 1000 * ((size.width * size.height) / nominalPixels) * frameRateFactor,
    ),
  );
  const maxrate = roundKbps(videoBitrate * MAXRATE_FACTOR);
  const audioBitrate = hasAudio ? rung.audioKbps * 1000 : null;
  const level = pickH264Level(size.width, size.height, fps, maxrate);
  return {
    kind: 'video',
    name,
    width: size.width,
    height: size.height,
    fps,
    videoBitrate,
    maxrate,
    bufsize: videoBitrate * BUFSIZE_FACTOR,
    audioBitrate,
    h264Level: level.name,
    codecs: hasAudio ? `${h264HighCodecString(level)},${AAC_LC_CODEC_STRING}` : h264HighCodecString(level),
    bandwidth: Math.ceil((maxrate + (audioBitrate ?? 0)) * MUX_OVERHEAD_FACTOR),
  };
}

/**
 * The HLS renditions to encode for a source, lowest first. Never upscales: a source smaller than the
 * lowest rung gets a single rendition at its own (even) size.
 */
export function planLadder(source: LadderSource): Rendition[] {
  if (!source.hasVideo) {
    if (!source.hasAudio) throw new Error('cannot plan a ladder for a source with neither video nor audio');
    const audioBitrate = AUDIO_ONLY_KBPS * 1000;
    return [
      {
        kind: 'audio',
        name: 'audio',
        audioBitrate,
        codecs: AAC_LC_CODEC_STRING,
        bandwidth: Math.ceil(audioBitrate * MUX_OVERHEAD_FACTOR),
      },
    ];
  }

  const fps = outputFps(source.fps);
  const shortSide = Math.min(source.width, source.height);
  const fitting = RUNGS.filter((rung) => rung.shortSide <= shortSide);
  if (fitting.length === 0) {
    const size = { width: evenFloor(source.width), height: evenFloor(source.height) };
    return [videoRendition(`${Math.min(size.width, size.height)}p`, size, fps, RUNGS[0], source.hasAudio)];
  }
  return fitting.map((rung) =>
    videoRendition(`${rung.shortSide}p`, scaleToShortSide(source, rung.shortSide), fps, rung, source.hasAudio),
  );
}
