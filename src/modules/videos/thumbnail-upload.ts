import { AppError, unprocessable } from '../../platform/http/errors.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { sniffImageType, type StillImageType } from '../../platform/media/still-image.ts';

/** The Content-Types a custom thumbnail may be sent as. */
export const THUMBNAIL_TYPES: readonly StillImageType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** What every custom thumbnail is re-encoded to: the size of the largest generated poster, 16:9. */
export const THUMBNAIL_SIZE = { width: 1280, height: 720 };
/** Smaller pictures would be blurry on a watch page; YouTube asks for 640 px wide as well. */
const MIN_SIZE = { width: 640, height: 360 };
/** Larger is no photo anyone means as a thumbnail, and would cost seconds to decode. */
const MAX_SIDE = 7680;

/** 415 unless the declared type is one we take and the file's first bytes say the same. */
export function assertDeclaredImageType(contentType: string | undefined, bytes: Uint8Array): StillImageType {
  const declared = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const sniffed = sniffImageType(bytes);
  if (!THUMBNAIL_TYPES.includes(declared as StillImageType) || sniffed !== declared) {
    throw new AppError(
      415,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      sniffed
        ? `The file is ${sniffed} but was sent as ${declared || 'no type'}; send it with Content-Type ${sniffed}`
        : 'A thumbnail must be a JPEG, PNG or WebP picture',
    );
  }
  return sniffed;
}

/** 422 for pictures too small to look sharp or absurdly large. */
export function assertThumbnailDimensions({ width, height }: { width: number; height: number }): void {
  if (width < MIN_SIZE.width || height < MIN_SIZE.height)
    throw unprocessable(
      `The picture is ${width}×${height}; a thumbnail must be at least ${MIN_SIZE.width}×${MIN_SIZE.height} pixels`,
    );
  if (width > MAX_SIDE || height > MAX_SIDE)
    throw unprocessable(`The picture is ${width}×${height}; neither side may exceed ${MAX_SIDE} pixels`);
}
