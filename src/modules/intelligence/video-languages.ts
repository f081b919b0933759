import type { ColumnType } from 'kysely';
import { languageDetector } from '../../platform/ai/translation/language-detector.ts';
import type { Executor } from '../../platform/db/transaction.ts';

/** Column typings for video_languages in migrations/0061_video_languages.sql. */
export interface VideoLanguagesTable {
  video_id: string;
  metadata_language: string | null;
  metadata_confidence: number;
  transcript_language: string | null;
  transcript_confidence: number;
  detector: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface VideoLanguageTables {
  video_languages: VideoLanguagesTable;
}

/** fastText reads one line; a few hundred words say all there is to say about the language. */
const SAMPLE_CHARACTERS = 2000;
/** A transcriber's own language claim is replaced only by a detection at least this sure. */
const OVERRIDE_CONFIDENCE = 0.6;

const sample = (texts: string[]) => texts.join(' ').replace(/\s+/g, ' ').slice(0, SAMPLE_CHARACTERS);

/**
 * The language a transcript is written in: what the text says when the detector is sure of it,
 * otherwise what the transcriber reported (a recogniser's language flag can be wrong, a remote one's is
 * missing or a guess). The captions are published under this language.
 */
export async function transcriptLanguage(reported: string, segmentTexts: string[]): Promise<string> {
  const detected = await languageDetector.detect(sample(segmentTexts));
  return detected.language && detected.confidence >= OVERRIDE_CONFIDENCE ? detected.language : reported;
}

export interface VideoLanguages {
  metadata: string | null;
  transcript: string | null;
}

export const videoLanguages = {
  /** Detects and stores the languages of a video's title + description and of its transcript text. */
  async refresh(
    db: Executor,
    video: { id: string; title: string; description: string | null },
    transcriptTexts: string[],
  ): Promise<VideoLanguages> {
    const metadata = await languageDetector.detect(sample([video.title, video.description ?? '']));
    const transcript = transcriptTexts.length > 0 ? await languageDetector.detect(sample(transcriptTexts)) : undefined;
    const values = {
      metadata_language: metadata.language,
      metadata_confidence: metadata.confidence,
      transcript_language: transcript?.language ?? null,
      transcript_confidence: transcript?.confidence ?? 0,
      detector: metadata.detector,
      updated_at: new Date(),
    };
    await db
      .insertInto('video_languages')
      .values({ video_id: video.id, ...values })
      .onConflict((conflict) => conflict.column('video_id').doUpdateSet(values))
      .execute();
    return { metadata: metadata.language, transcript: values.transcript_language };
  },

  async find(db: Executor, videoId: string): Promise<VideoLanguages | undefined> {
    const row = await db
      .selectFrom('video_languages')
      .select(['metadata_language', 'transcript_language'])
      .where('video_id', '=', videoId)
      .executeTakeFirst();
    return row && { metadata: row.metadata_language, transcript: row.transcript_language };
  },
};
