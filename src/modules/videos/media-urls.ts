import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VideoRow } from './repo.ts';
import { videoKeys } from './storage-keys.ts';

/** Everything StreamHub serves from object storage is under this path. */
export const MEDIA_PATH = '/media';

export interface SignedFolder {
  expiresUnix: number;
  signature: string;
}

/**
 * HMAC-signed media URLs for private videos. The signature sits in the path, before the video's
 * folder (`/media/s/<expires>/<hmac>/videos/<id>/hls/master.m3u8`), and covers the whole folder, so
 * the relative URIs inside playlists (`360p/index.m3u8`, `seg_00001.ts`) resolve to URLs that carry
 * it too: one signature opens every playlist and segment of that one video until it expires.
 */
export class MediaUrlSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, so a media signature can never double as anything signed with the JWT secret.
    this.key = createHmac('sha256', secret).update('streamhub media url signing v1').digest();
  }

  sign(folder: string, expiresUnix: number): string {
    return createHmac('sha256', this.key).update(`${folder}/\n${expiresUnix}`).digest('base64url');
  }

  verify(folder: string, signed: SignedFolder, nowUnix = Math.floor(Date.now() / 1000)): boolean {
    if (!Number.isSafeInteger(signed.expiresUnix) || signed.expiresUnix < nowUnix) return false;
    const expected = Buffer.from(this.sign(folder, signed.expiresUnix));
    const given = Buffer.from(signed.signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** Where a video's media files are reachable: a plain folder URL, or a signed one for private videos. */
export class MediaUrls {
  constructor(
    private readonly signer: MediaUrlSigner,
    private readonly ttlSeconds: number,
  ) {}

  /** Absolute URL of the video's folder, ending in '/'; `expiresAt` when it is signed. */
  folder(
    video: Pick<VideoRow, 'id' | 'visibility'>,
    origin: string,
    now = Date.now(),
  ): { url: string; expiresAt?: Date } {
    const folder = videoKeys(video.id).folder;
    if (video.visibility !== 'private') return { url: `${origin}${MEDIA_PATH}/${folder}/` };
    const expiresUnix = Math.floor(now / 1000) + this.ttlSeconds;
    return {
      url: `${origin}${MEDIA_PATH}/s/${expiresUnix}/${this.signer.sign(folder, expiresUnix)}/${folder}/`,
      expiresAt: new Date(expiresUnix * 1000),
    };
  }
}

export function createMediaUrls(secret: string, ttlSeconds: number): MediaUrls {
  return new MediaUrls(new MediaUrlSigner(secret), ttlSeconds);
}
