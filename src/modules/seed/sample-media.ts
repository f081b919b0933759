import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { processMedia, runFfmpeg } from '../../platform/media/index.ts';
import { ObjectNotFoundError, type ObjectStorage } from '../../platform/storage/object-storage.ts';
import { sharedMediaFolder } from '../videos/storage-keys.ts';

/** Every seeded video plays this one rendition, stored once under shared/seed-sample/. */
export const SAMPLE_FOLDER = sharedMediaFolder('seed-sample');
/** Written last: its presence says every other file of the sample is stored. */
const MANIFEST_KEY = `${SAMPLE_FOLDER}/sample.json`;
const SAMPLE_SECONDS = 12;

export interface SampleRendition {
  name: string;
  kind: 'video' | 'audio';
  width: number | null;
  height: number | null;
  bandwidth: number;
  codecs: string;
  playlistKey: string;
}

/** What a seeded video row copies: output keys, renditions and the probe data of the sample. */
export interface SampleMedia {
  masterPlaylistKey: string;
  thumbnailKey: string;
  storyboardImageKey: string | null;
  storyboardVttKey: string | null;
  renditions: SampleRendition[];
  width: number | null;
  height: number | null;
  fps: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  bitrate: number | null;
  /** Only files: ffmpeg's keys relative to the sample folder, for checks. */
  files: string[];
}

async function readManifest(storage: ObjectStorage): Promise<SampleMedia | null> {
  try {
    const stored = await storage.getObject(MANIFEST_KEY);
    return JSON.parse(await text(stored.body)) as SampleMedia;
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return null;
    throw error;
  }
}

/**
 * The shared sample rendition, made once: a short test pattern with a tone (ffmpeg lavfi, as the test
 * fixtures do), run through the real media pipeline (`processMedia`: HLS ladder, poster, storyboard) and
 * uploaded to object storage. Later runs find its manifest and reuse it.
 */
export async function ensureSampleMedia(storage: ObjectStorage): Promise<{ sample: SampleMedia; created: boolean }> {
  const existing = await readManifest(storage);
  if (existing) return { sample: existing, created: false };

  const workDir = await mkdtemp(join(tmpdir(), 'streamhub-seed-sample-'));
  try {
    const source = join(workDir, 'sample.mp4');
    await runFfmpeg([
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=640x360:r=30:d=${SAMPLE_SECONDS}`,
      '-f',
      'lavfi',
      '-i',
      `sine=f=440:sample_rate=48000:d=${SAMPLE_SECONDS}`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '96k',
      '-shortest',
      source,
    ]);
    const outputDir = join(workDir, 'output');
    const result = await processMedia({ input: source, workDir: outputDir });
    await storage.uploadDirectory(SAMPLE_FOLDER, outputDir);
    const { info } = result;
    const sample: SampleMedia = {
      masterPlaylistKey: `${SAMPLE_FOLDER}/hls/${result.hls.masterPlaylist}`,
      thumbnailKey: `${SAMPLE_FOLDER}/${result.poster}`,
      storyboardImageKey: result.storyboard ? `${SAMPLE_FOLDER}/${result.storyboard.image}` : null,
      storyboardVttKey: result.storyboard ? `${SAMPLE_FOLDER}/${result.storyboard.vtt}` : null,
      renditions: result.hls.renditions.map((rendition) => ({
        name: rendition.name,
        kind: rendition.kind,
        width: rendition.width,
        height: rendition.height,
        bandwidth: rendition.bandwidth,
        codecs: rendition.codecs,
        playlistKey: `${SAMPLE_FOLDER}/hls/${rendition.playlist}`,
      })),
      width: info.hasVideo ? info.width : null,
      height: info.hasVideo ? info.height : null,
      fps: info.hasVideo ? info.fps : null,
      videoCodec: info.videoCodec,
      audioCodec: info.audioCodec,
      bitrate: info.bitrate,
      files: result.files,
    };
    await storage.putObject(MANIFEST_KEY, Buffer.from(JSON.stringify(sample, null, 2)), {
      contentType: 'application/json',
    });
    return { sample, created: true };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
