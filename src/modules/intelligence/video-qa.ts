import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Ai, RoutedChunk } from '../../platform/ai/ai.ts';
import type { GenerationRequest } from '../../platform/ai/ports.ts';
import { reciprocalRankFusion } from '../../platform/ai/rank-fusion.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { VideoRow } from '../videos/repo.ts';
import { anyWordTsQuery } from './keyword-query.ts';
import { transcriptRepo, type StoredSegment } from './transcript-repo.ts';
import { nearest } from './vector-store.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

const PASSAGES = 3;

export interface Passage {
  /** Number used for citations in a generated answer: [1], [2], … */
  number: number;
  startSeconds: number;
  endSeconds: number;
  text: string;
  /** Seeks the player to the passage: the watch page with `?t=<seconds>`. */
  link: string;
}

export interface Answer {
  question: string;
  /** generated: written by a text generator from the passages; extractive: the best passage itself. */
  mode: 'generated' | 'extractive';
  answer: string;
  passages: Passage[];
  model: string | null;
  /** Why the answer is extractive, when it is. */
  notice: string | null;
}

const normalise = (question: string) =>
  question
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[?!.\s]+$/, '')
    .trim();

export const watchLink = (videoId: string, seconds: number) => `/watch/${videoId}?t=${Math.floor(seconds)}`;

/**
 * Questions about one video, answered from its transcript (retrieval-augmented): the segments that
 * best match the question by meaning (embeddings) and by words (full text), fused by rank, become
 * time-stamped passages; a configured generator writes an answer citing them, and without one the
 * best passage is the answer, labelled as such. Answers are cached per question and transcript.
 */
export class VideoQa {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly ai: Ai,
  ) {}

  /** The cache key covers the transcript version and the generators, so an edit or a new model answers afresh. */
  private async cacheKey(videoId: string, question: string): Promise<string | null> {
    const transcript = await transcriptRepo.find(this.db, videoId);
    if (!transcript) return null;
    const generators = this.ai.describe().generation?.join(',') ?? '';
    return createHash('sha256')
      .update(`${normalise(question)}|${transcript.updated_at.toISOString()}|${generators}`)
      .digest('hex');
  }

  async cached(videoId: string, question: string): Promise<Answer | null> {
    const key = await this.cacheKey(videoId, question);
    if (!key) return null;
    const row = await this.db
      .selectFrom('video_answers')
      .select('answer')
      .where('video_id', '=', videoId)
      .where('question_hash', '=', key)
      .executeTakeFirst();
    return (row?.answer as Answer | undefined) ?? null;
  }

  async remember(videoId: string, answer: Answer): Promise<void> {
    const key = await this.cacheKey(videoId, answer.question);
    if (!key) return;
    await this.db
      .insertInto('video_answers')
      .values({ video_id: videoId, question_hash: key, question: answer.question, answer: JSON.stringify(answer) })
      .onConflict((conflict) =>
        conflict
          .columns(['video_id', 'question_hash'])
          .doUpdateSet({ answer: JSON.stringify(answer), created_at: new Date() }),
      )
      .execute();
  }

  async retrieve(video: VideoRow, question: string, userId: string | undefined): Promise<Passage[]> {
    const segments = await transcriptRepo.segments(this.db, video.id);
    if (segments.length === 0)
      throw new AppError(
        409,
        ErrorCode.NO_TRANSCRIPT,
        'This video has no transcript yet (or no speech), so there is nothing to answer from',
      );
    const query = await this.ai.embeddings.embedNow(question, { userId, videoId: video.id });
    const byMeaning = await nearest(
      this.db,
      sql`select e.position::text as id, e.embedding from segment_embeddings e
      where e.video_id = ${video.id} and e.model = ${query.model} and e.model_version = ${query.version}`,
      query.vector,
      20,
    );
    const tsquery = anyWordTsQuery(question);
    const byWords = tsquery
      ? (
          await sql<{ id: string }>`select s.position::text as id from transcript_segments s
          where s.video_id = ${video.id} and s.document @@ ${tsquery}
          order by ts_rank(s.document, ${tsquery}) desc, s.position limit 20`.execute(this.db)
        ).rows
      : [];
    const fused = reciprocalRankFusion([byMeaning.map((hit) => hit.id), byWords.map((hit) => hit.id)]);
    return fused.slice(0, PASSAGES).map((hit, index) => this.passage(video.id, segments, Number(hit.id), index + 1));
  }

  /** A hit segment and the one after it: answers often run on past a pause. The link seeks to the hit itself. */
  private passage(videoId: string, segments: StoredSegment[], position: number, number: number): Passage {
    const hit = segments[position]!;
    const next = segments[position + 1];
    return {
      number,
      startSeconds: hit.startSeconds,
      endSeconds: next?.endSeconds ?? hit.endSeconds,
      text: next ? `${hit.text} ${next.text}` : hit.text,
      link: watchLink(videoId, hit.startSeconds),
    };
  }

  prompt(question: string, passages: Passage[]): GenerationRequest {
    const context = passages
      .map((passage) => `[${passage.number}] (${Math.floor(passage.startSeconds)} s) ${passage.text}`)
      .join('\n');
    return {
      temperature: 0,
      maxTokens: 400,
      messages: [
        {
          role: 'system',
          content:
            'You answer questions about a video using only the numbered transcript passages given. Cite the passages you use as [n]. If the passages do not contain the answer, say that the video does not say.',
        },
        { role: 'user', content: `Transcript passages:\n${context}\n\nQuestion: ${question}` },
      ],
    };
  }

  extractive(question: string, passages: Passage[], notice: string): Answer {
    return { question, mode: 'extractive', answer: passages[0]?.text ?? '', passages, model: null, notice };
  }

  /** Why no generated answer: no generator at all, or the reason the configured ones failed. */
  static extractiveNotice(reason?: string): string {
    return reason
      ? `Text generation failed (${reason}); this answer is the transcript passage that best matches the question.`
      : 'No text generator is configured; this answer is the transcript passage that best matches the question.';
  }

  async answer(video: VideoRow, question: string, userId: string | undefined): Promise<Answer> {
    const cached = await this.cached(video.id, question);
    if (cached) return cached;
    const passages = await this.retrieve(video, question, userId);
    if (!this.ai.generation.available) {
      const answer = this.extractive(question, passages, VideoQa.extractiveNotice());
      await this.remember(video.id, answer);
      return answer;
    }
    try {
      const generated = await this.ai.generate(this.prompt(question, passages), { userId, videoId: video.id });
      const answer: Answer = {
        question,
        mode: 'generated',
        answer: generated.value.trim(),
        passages,
        model: generated.model.name,
        notice: null,
      };
      await this.remember(video.id, answer);
      return answer;
    } catch (error) {
      // Passages are still a real answer; a refused or failed generation is said, and not cached.
      return this.extractive(question, passages, VideoQa.extractiveNotice((error as Error).message));
    }
  }

  /** The generator's stream for SSE; undefined when there is no generator (the caller answers extractively). */
  stream(
    question: string,
    passages: Passage[],
    video: VideoRow,
    userId: string | undefined,
  ): AsyncIterable<RoutedChunk> | undefined {
    if (!this.ai.generation.available) return undefined;
    return this.ai.streamGeneration(this.prompt(question, passages), { userId, videoId: video.id });
  }
}
