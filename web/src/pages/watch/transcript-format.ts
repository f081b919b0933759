import type { TranscriptSegment } from '../../intelligence/ai-api.ts';

function vttTime(seconds: number): string {
  const total = Math.max(0, seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = (total % 60).toFixed(3).padStart(6, '0');
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${secs}`;
}

function clock(seconds: number): string {
  const total = Math.floor(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** "0:05 text" per line: what the copy button and the .txt download give. */
export function transcriptAsText(segments: readonly TranscriptSegment[]): string {
  return segments.map((segment) => `${clock(segment.startSeconds)} ${segment.text}`).join('\n') + '\n';
}

export function transcriptAsVtt(segments: readonly TranscriptSegment[]): string {
  const cues = segments.map(
    (segment, index) =>
      `${index + 1}\n${vttTime(segment.startSeconds)} --> ${vttTime(segment.endSeconds)}\n${segment.text}`,
  );
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** The segment being spoken at `seconds` (segments in time order). */
export function activeSegmentIndex(segments: readonly TranscriptSegment[], seconds: number): number {
  let active = -1;
  for (const [index, segment] of segments.entries()) {
    if (segment.startSeconds <= seconds + 0.05) active = index;
    else break;
  }
  return active;
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
