export {
  ffmpegPath,
  ffprobePath,
  runFfmpeg,
  runFfprobeJson,
  FfmpegError,
  type RunFfmpegOptions,
} from './ffmpeg-binary.ts';
export { probeMedia, type MediaInfo } from './probe.ts';
export { NotMediaError } from './not-media-error.ts';
export { planLadder, type Rendition, type VideoRendition, type AudioRendition } from './ladder.ts';
export { transcodeToHls, type TranscodeOptions, type HlsResult, type HlsRendition } from './transcode.ts';
export { extractCoverImage } from './cover-art.ts';
export { extractPoster, type PosterOptions } from './thumbnail.ts';
export { buildStoryboard, type StoryboardOptions, type StoryboardResult } from './storyboard.ts';
export { processMedia, type ProcessMediaOptions, type ProcessedMedia } from './process-media.ts';
