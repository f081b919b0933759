/**
 * The input is readable as a file but is not audio or video we can process (text, a still image,
 * a container without a moov atom, ...). The message is written to be shown to the uploader.
 */
export class NotMediaError extends Error {
  override readonly name = 'NotMediaError';

  constructor(
    message: string,
    /** What ffprobe said, if it said anything; for logs, not for users. */
    readonly detail?: string,
  ) {
    super(message);
  }
}
