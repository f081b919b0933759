import type { ListedPart, UploadedPart } from '../../platform/storage/object-storage.ts';
import { AppError } from '../../platform/http/errors.ts';
import { MAX_PARTS } from './schemas.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

const MiB = 1024 * 1024;
/** Big enough that a 10 GiB file needs 640 URLs, small enough that a retried part costs little. */
const PREFERRED_PART_BYTES = 16 * MiB;

/** Whole MiB, at least the preferred size, and never more than S3's 10,000 parts for the file. */
export function partSizeFor(sizeBytes: number): number {
  return Math.max(PREFERRED_PART_BYTES, Math.ceil(sizeBytes / MAX_PARTS / MiB) * MiB);
}

export function partCount(sizeBytes: number, partSize: number): number {
  return Math.max(1, Math.ceil(sizeBytes / partSize));
}

const unquoted = (etag: string) => etag.replace(/^"|"$/g, '');

/**
 * Checks the client's part list against what the store actually received before assembling: every
 * part exists with the ETag the client quotes, and together they are exactly the declared size (so
 * a client can't slip past the size limit by sending longer parts than it announced).
 */
export function assertPartsMatch(claimed: UploadedPart[], received: ListedPart[], declaredBytes: number): void {
  const byNumber = new Map(received.map((part) => [part.partNumber, part]));
  const seen = new Set<number>();
  const problems: { field: string; message: string }[] = [];
  let totalBytes = 0;
  claimed.forEach((part, index) => {
    const stored = byNumber.get(part.partNumber);
    if (seen.has(part.partNumber))
      problems.push({ field: `parts.${index}.partNumber`, message: `part ${part.partNumber} is listed twice` });
    seen.add(part.partNumber);
    if (!stored) {
      problems.push({ field: `parts.${index}.partNumber`, message: `part ${part.partNumber} was never uploaded` });
    } else if (unquoted(stored.etag) !== unquoted(part.etag)) {
      problems.push({
        field: `parts.${index}.etag`,
        message: `does not match the ETag the store returned for part ${part.partNumber}`,
      });
    } else {
      totalBytes += stored.size;
    }
  });
  if (problems.length === 0 && totalBytes !== declaredBytes) {
    problems.push({
      field: 'parts',
      message: `the parts hold ${totalBytes} bytes but the upload was declared as ${declaredBytes} bytes`,
    });
  }
  if (problems.length > 0) {
    throw new AppError(
      400,
      ErrorCode.INVALID_PARTS,
      'The part list does not match the uploaded parts; fix it and call upload-complete again',
      problems,
    );
  }
}
