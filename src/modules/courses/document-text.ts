import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unprocessable } from '../../platform/http/errors.ts';

const run = promisify(execFile);

/** Longer extraction means a hostile or huge file; the upload fails instead of holding a worker. */
const EXTRACT_TIMEOUT_MS = 60_000;
const MAX_TEXT_BYTES = 50 * 1024 * 1024;

/**
 * Text of each page of a PDF, through poppler's `pdftotext` (Debian package poppler-utils): pages are
 * separated by form feeds in its output. A file pdftotext cannot read is the uploader's problem (422
 * with poppler's reason); a PDF without any text (a scan) is refused the same way, naming OCR.
 */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw unprocessable('This file is not a PDF (no %PDF- header)');
  const dir = await mkdtemp(join(tmpdir(), 'streamhub-course-doc-'));
  try {
    const file = join(dir, 'source.pdf');
    await writeFile(file, bytes);
    let text: string;
    try {
      ({ stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], {
        timeout: EXTRACT_TIMEOUT_MS,
        maxBuffer: MAX_TEXT_BYTES,
      }));
    } catch (error) {
      const reason = String((error as { stderr?: string }).stderr ?? (error as Error).message)
        .split('\n')
        .find((line) => line.trim().length > 0);
      throw unprocessable(`The PDF could not be read: ${reason ?? 'pdftotext failed'}`);
    }
    const pages = text.split('\f').map((page) =>
      page
        .replace(/[ \t]+/g, ' ')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    );
    while (pages.length > 0 && pages.at(-1) === '') pages.pop();
    if (pages.every((page) => page.length === 0))
      throw unprocessable('The PDF has no text layer (a scan?); OCR it first, e.g. with tesseract, and upload that');
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Markdown split into sections at headings (# to ###): each section counts as one "page". */
export function markdownSections(markdown: string): string[] {
  const sections: string[] = [];
  let current: string[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^#{1,3}\s/.test(line) && current.some((entry) => entry.trim())) {
      sections.push(current.join('\n').trim());
      current = [];
    }
    current.push(line);
  }
  if (current.some((entry) => entry.trim())) sections.push(current.join('\n').trim());
  if (sections.length === 0) throw unprocessable('The Markdown document is empty');
  return sections;
}
