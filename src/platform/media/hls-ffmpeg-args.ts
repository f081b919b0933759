import { ffmpegFrameRate } from './frame-rate.ts';
import type { AudioRendition, Rendition, VideoRendition } from './ladder.ts';
import type { MediaInfo } from './probe.ts';

export const SEGMENT_SECONDS = 4;

/**
 * Paths are relative: ffmpeg runs with the output directory as its working directory, so no
 * character in the caller's directory name can collide with the muxer's %v / %05d templates.
 */
const MUXER_ARGS = [
  '-f',
  'hls',
  '-hls_time',
  String(SEGMENT_SECONDS),
  '-hls_playlist_type',
  'vod',
  '-hls_segment_type',
  'mpegts',
  '-start_number',
  '1',
  '-hls_segment_filename',
  '%v/seg_%05d.ts',
];
const VARIANT_PLAYLIST_TEMPLATE = '%v/index.m3u8';

function audioArgs(outputIndex: number, bitrate: number): string[] {
  // Stereo everywhere: 5.1 at ladder bitrates sounds worse than a good downmix.
  return [`-c:a:${outputIndex}`, 'aac', `-ac:a:${outputIndex}`, '2', `-b:a:${outputIndex}`, String(bitrate)];
}

function videoArgs(input: string, info: MediaInfo, renditions: readonly VideoRendition[]): string[] {
  const [first] = renditions;
  if (!first) throw new Error('no video renditions to encode');
  const videoInput = `[0:${info.videoStreamIndex ?? 'v:0'}]`;
  // fps before split: one frame-rate conversion (VFR -> CFR) shared by every rung. ffmpeg has already
  // applied the rotation by the time frames reach the graph, so the ladder's display sizes are right.
  const branches = renditions.map((_, index) => `[s${index}]`).join('');
  const scalers = renditions.map(
    (rendition, index) => `[s${index}]scale=${rendition.width}:${rendition.height},setsar=1[v${index}]`,
  );
  const filterGraph = [
    `${videoInput}fps=${ffmpegFrameRate(first.fps)},format=yuv420p,split=${renditions.length}${branches}`,
    ...scalers,
  ].join(';');

  const args = ['-i', input, '-filter_complex', filterGraph];
  const streamMap: string[] = [];
  renditions.forEach((rendition, index) => {
    args.push('-map', `[v${index}]`);
    if (rendition.audioBitrate !== null) args.push('-map', `0:${info.audioStreamIndex ?? 'a:0'}`);
    streamMap.push(
      rendition.audioBitrate === null
        ? `v:${index},name:${rendition.name}`
        : `v:${index},a:${index},name:${rendition.name}`,
    );
  });

  args.push(
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-profile:v',
    'high',
    // Keyframes on the same timestamps in every rung, so players can switch at any segment boundary;
    // no extra scene-cut keyframes, which would differ between rungs.
    '-force_key_frames',
    `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
    '-sc_threshold',
    '0',
  );
  renditions.forEach((rendition, index) => {
    args.push(
      `-b:v:${index}`,
      String(rendition.videoBitrate),
      `-maxrate:v:${index}`,
      String(rendition.maxrate),
      `-bufsize:v:${index}`,
      String(rendition.bufsize),
      `-level:v:${index}`,
      rendition.h264Level,
    );
    if (rendition.audioBitrate !== null) args.push(...audioArgs(index, rendition.audioBitrate));
  });

  return [...args, ...MUXER_ARGS, '-var_stream_map', streamMap.join(' '), VARIANT_PLAYLIST_TEMPLATE];
}

function audioOnlyArgs(input: string, info: MediaInfo, rendition: AudioRendition): string[] {
  return [
    '-i',
    input,
    '-map',
    `0:${info.audioStreamIndex ?? 'a:0'}`,
    ...audioArgs(0, rendition.audioBitrate),
    ...MUXER_ARGS,
    '-var_stream_map',
    `a:0,name:${rendition.name}`,
    VARIANT_PLAYLIST_TEMPLATE,
  ];
}

/** One ffmpeg invocation that decodes once and writes every rendition plus its media playlist. */
export function buildHlsArgs(input: string, info: MediaInfo, renditions: readonly Rendition[]): string[] {
  const video = renditions.filter((rendition): rendition is VideoRendition => rendition.kind === 'video');
  if (video.length > 0) return videoArgs(input, info, video);
  const audio = renditions.find((rendition): rendition is AudioRendition => rendition.kind === 'audio');
  if (!audio) throw new Error('the ladder has no renditions');
  return audioOnlyArgs(input, info, audio);
}
