import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { FfmpegError, runFfprobeJson } from './ffmpeg-binary.ts';
import { NotMediaError } from './not-media-error.ts';

export interface MediaInfo {
  durationSeconds: number;
  /** Display size: sample aspect ratio applied and swapped for 90/270 rotation. 0 without video. */
  width: number;
  height: number;
  /** Average frame rate (robust for variable-frame-rate sources). 0 without video or when unknown. */
  fps: number;
  videoCodec: string | null;
  audioCodec: string | null;
  /** Overall bits per second as the container reports it; 0 when unknown. */
  bitrate: number;
  hasVideo: boolean;
  hasAudio: boolean;
  /** Counter-clockwise degrees a player turns the picture (ffmpeg's convention): 0, 90, 180 or 270. */
  rotation: number;
  formatName: string;
  sizeBytes: number;
  videoStreamIndex: number | null;
  audioStreamIndex: number | null;
  /** Embedded artwork (an MP3/M4A cover), which is a picture, not the video track. */
  coverArtStreamIndex: number | null;
}

/** ffprobe omits or prints "N/A" for unknown values; either way the value is simply absent. */
const lenientNumber = z
  .unknown()
  .transform((value): number | undefined => {
    const number = Number(value);
    return value === undefined || value === null || value === '' || !Number.isFinite(number) ? undefined : number;
  })
  .optional();

const ffprobeStream = z.object({
  index: z.number(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  sample_aspect_ratio: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  duration: lenientNumber,
  nb_frames: lenientNumber,
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
  tags: z.record(z.string(), z.unknown()).optional(),
  side_data_list: z.array(z.object({ rotation: lenientNumber })).optional(),
});

const ffprobeOutput = z.object({
  streams: z.array(ffprobeStream).default([]),
  format: z
    .object({
      format_name: z.string().default(''),
      duration: lenientNumber,
      bit_rate: lenientNumber,
    })
    .optional(),
});

type FfprobeStream = z.infer<typeof ffprobeStream>;

/** Formats ffmpeg uses for single pictures and for text, which it will happily "decode". */
const NON_MEDIA_FORMAT = /^(image2|[a-z0-9]+_pipe|tty)$/;
const STILL_IMAGE_CODECS = new Set(['mjpeg', 'png', 'bmp', 'webp', 'tiff', 'jpeg2000', 'ansi']);

function parseRational(value: string | undefined): number {
  if (!value) return 0;
  const [numerator, denominator = '1'] = value.split('/');
  const result = Number(numerator) / Number(denominator);
  return Number.isFinite(result) && result > 0 ? result : 0;
}

function normalizeDegrees(degrees: number): number {
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

function rotationOf(stream: FfprobeStream): number {
  const fromMatrix = stream.side_data_list?.find((entry) => entry.rotation !== undefined)?.rotation;
  if (fromMatrix !== undefined && Number.isFinite(fromMatrix)) return normalizeDegrees(fromMatrix);
  // The legacy tag is clockwise, the display matrix counter-clockwise.
  const tag = Number(stream.tags?.rotate);
  return Number.isFinite(tag) ? normalizeDegrees(-tag) : 0;
}

function displaySize(stream: FfprobeStream, rotation: number): { width: number; height: number } {
  const codedWidth = stream.width ?? 0;
  const height = stream.height ?? 0;
  const sampleAspect = parseRational(stream.sample_aspect_ratio?.replace(':', '/'));
  const width = sampleAspect > 0 ? Math.round(codedWidth * sampleAspect) : codedWidth;
  return rotation % 180 === 0 ? { width, height } : { width: height, height: width };
}

function isCoverArt(stream: FfprobeStream): boolean {
  return stream.codec_type === 'video' && stream.disposition?.attached_pic === 1;
}

/** Reads what the pipeline needs to know about a file; throws NotMediaError for non-media input. */
export async function probeMedia(path: string, options: { signal?: AbortSignal } = {}): Promise<MediaInfo> {
  const absolutePath = resolve(path);
  const { size } = await stat(absolutePath);

  let raw: unknown;
  try {
    raw = await runFfprobeJson(['-show_format', '-show_streams', absolutePath], options);
  } catch (error) {
    if (error instanceof FfmpegError) {
      throw new NotMediaError(
        'This file is not a video or audio file that can be read; it may be damaged or incomplete.',
        error.stderrTail,
      );
    }
    throw error;
  }

  const parsed = ffprobeOutput.safeParse(raw);
  if (!parsed.success)
    throw new NotMediaError('This file could not be understood as video or audio.', parsed.error.message);
  const { streams, format } = parsed.data;
  const formatName = format?.format_name ?? '';

  if (NON_MEDIA_FORMAT.test(formatName)) {
    throw new NotMediaError('This file is a picture or a document, not a video or audio file.', `format ${formatName}`);
  }

  const video = streams.find((stream) => stream.codec_type === 'video' && !isCoverArt(stream));
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  const coverArt = streams.find(isCoverArt);

  if (!video && !audio) throw new NotMediaError('This file has no video or audio track.', `format ${formatName}`);
  if (video && !audio && STILL_IMAGE_CODECS.has(video.codec_name ?? '') && (video.nb_frames ?? 1) <= 1) {
    throw new NotMediaError('This file is a single picture, not a video.', `codec ${video.codec_name}`);
  }

  const streamDurations = streams.map((stream) => stream.duration ?? 0);
  const durationSeconds = format?.duration && format.duration > 0 ? format.duration : Math.max(0, ...streamDurations);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
    throw new NotMediaError('This file has no playable length; it may be damaged or incomplete.', 'no duration');
  }

  const rotation = video ? rotationOf(video) : 0;
  const { width, height } = video ? displaySize(video, rotation) : { width: 0, height: 0 };
  if (video && (width < 2 || height < 2)) {
    throw new NotMediaError(
      'The video track of this file cannot be read; it may be damaged or incomplete.',
      'no frame size',
    );
  }

  return {
    durationSeconds,
    width,
    height,
    fps: video ? parseRational(video.avg_frame_rate) || parseRational(video.r_frame_rate) : 0,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    bitrate: format?.bit_rate ?? 0,
    hasVideo: video !== undefined,
    hasAudio: audio !== undefined,
    rotation,
    formatName,
    sizeBytes: size,
    videoStreamIndex: video?.index ?? null,
    audioStreamIndex: audio?.index ?? null,
    coverArtStreamIndex: coverArt?.index ?? null,
  };
}
