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

/** Scanned pages are rasterised at this resolution for OCR (tesseract reads 300 dpi best). */
const OCR_DPI = 300;
/** A scan longer than this is refused rather than holding a worker for many minutes. */
const OCR_MAX_PAGES = 200;

/** Runs a tool; a failure is the uploader's problem: 422 with the tool's first line of complaint. */
async function tool(what: string, command: string, args: string[], options: { cwd?: string } = {}) {
  try {
    return (await run(command, args, { timeout: EXTRACT_TIMEOUT_MS, maxBuffer: MAX_TEXT_BYTES, ...options })).stdout;
  } catch (error) {
    const reason = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .split('\n')
      .find((line) => line.trim().length > 0);
    throw unprocessable(`${what}: ${reason ?? `${command} failed`}`);
  }
}

const tidy = (page: string) =>
  page
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

async function inScratch<T>(bytes: Buffer, name: string, work: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'streamhub-course-doc-'));
  try {
    const file = join(dir, name);
    await writeFile(file, bytes);
    return await work(dir, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Text of each page of a PDF, through poppler's `pdftotext` (Debian package poppler-utils): pages are
 * separated by form feeds in its output. A PDF without any text layer (a scan) is read by OCR instead:
 * each page rasterised by poppler's `pdftoppm` and read by tesseract (Debian tesseract-ocr and
 * tesseract-ocr-eng). A file that cannot be read is a 422 with the tool's reason.
 */
export async function pdfPages(bytes: Buffer): Promise<{ pages: string[]; ocr: boolean }> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw unprocessable('This file is not a PDF (no %PDF- header)');
  return inScratch(bytes, 'source.pdf', async (dir, file) => {
    const text = await tool('The PDF could not be read', 'pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']);
    const pages = text.split('\f').map(tidy);
    // pdftotext ends every page with a form feed, blank pages included.
    const pageCount = Math.max(1, pages.length - 1);
    while (pages.length > 0 && pages.at(-1) === '') pages.pop();
    if (pages.some((page) => page.length > 0)) return { pages, ocr: false };
    return { pages: await ocrPages(dir, file, pageCount), ocr: true };
  });
}

/** OCR of a scanned PDF, one page at a time (one page image on disk at once). */
async function ocrPages(dir: string, file: string, pageCount: number): Promise<string[]> {
  if (pageCount > OCR_MAX_PAGES)
    throw unprocessable(`The PDF is a scan of ${pageCount} pages; OCR takes at most ${OCR_MAX_PAGES}`);
  const pages: string[] = [];
  for (let page = 1; page <= pageCount; page += 1) {
    const image = join(dir, `page-${page}`);
    const args = ['-r', String(OCR_DPI), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page)];
    await tool('The scanned PDF could not be rasterised', 'pdftoppm', [...args, file, image]);
    pages.push(tidy(await tool('OCR failed', 'tesseract', [`${image}.png`, '-', '-l', 'eng', '--psm', '3'])));
    await rm(`${image}.png`, { force: true });
  }
  if (pages.every((page) => page.length === 0)) throw unprocessable('The PDF has no text layer and OCR found no text');
  return pages;
}

/**
 * An EPUB book as Markdown through pandoc (Debian package pandoc), which reads the spine in reading
 * order; then split into sections at headings like a Markdown upload. Images are dropped.
 */
export async function epubSections(bytes: Buffer): Promise<string[]> {
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw unprocessable('This file is not an EPUB (not a ZIP)');
  return inScratch(bytes, 'source.epub', async (_dir, file) => {
    const markdown = await tool('The EPUB could not be read', 'pandoc', [
      '--from=epub',
      '--to=commonmark-raw_html',
      '--wrap=none',
      file,
    ]);
    return markdownSections(markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, ''));
  });
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
