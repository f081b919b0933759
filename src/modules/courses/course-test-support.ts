// Shared by the course tests: a PDF made on the spot, and transcribed, chaptered videos without running speech recognition.
import PDFDocument from 'pdfkit';
import type { TestApp } from '../../../test/support/app.ts';
import { insightsRepo } from '../intelligence/insights-repo.ts';
import { transcriptRepo } from '../intelligence/transcript-repo.ts';

/** A small real PDF, one page per entry of `pages`. */
export function makePdf(pages: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    for (const text of pages) document.addPage().fontSize(12).text(text);
    document.end();
  });
}

const TEST_MODEL = { provider: 'local' as const, name: 'test', version: '1' };

/** Gives a video a transcript (one segment per sentence, 5 s each) and chapters, as analysis would. */
export async function transcribeVideo(
  t: TestApp,
  videoId: string,
  sentences: string[],
  chapters: { title: string; startSeconds: number }[],
): Promise<void> {
  const db = t.platform.database.db;
  await transcriptRepo.save(db, videoId, {
    language: 'en',
    segments: sentences.map((text, index) => ({ startSeconds: index * 5, endSeconds: index * 5 + 5, text })),
    model: TEST_MODEL,
    editedBy: 'model',
  });
  await insightsRepo.save(
    db,
    videoId,
    { summary: sentences[0] ?? '', keyPoints: [], chapters },
    { model: TEST_MODEL, transcriptUpdatedAt: null, editedBy: 'model' },
  );
}

export const BIRD_SENTENCES = [
  'Robins sing loudly at dawn to defend their territory from rivals.',
  'The dawn chorus begins before sunrise when the air is calm and sound travels far.',
  'Male robins learn songs from neighbours during their first spring.',
  'Migration carries many songbirds south across the sea every autumn.',
  'Swallows navigate migration routes using the sun and the magnetic field.',
  'Young swallows follow experienced adults on their first migration journey.',
];
export const BIRD_CHAPTERS = [
  { title: 'Dawn chorus', startSeconds: 0 },
  { title: 'Migration', startSeconds: 15 },
];
