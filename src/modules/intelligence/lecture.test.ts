import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, json } from '../../../test/support/app.ts';
import { makeLectureVideo, type LectureVideo } from '../../../test/support/lecture-fixture.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { LECTURE_QUESTIONS, LECTURE_TEXT } from '../../../test/support/spoken-lecture.ts';
import { wordErrorRate } from '../../../test/support/word-error-rate.ts';
import {
  createVideo as createUploadVideo,
  newCreator,
  startUploadTestApp,
  tusUpload,
  type Session,
  type UploadTestApp,
} from '../uploads/upload-test-support.ts';
import { attachSource, waitFor, waitForOutcome } from '../videos/video-test-support.ts';
import { startWorkers } from '../../workers.ts';

/**
 * The whole local AI path on the embedded default, no network: a spoken lecture with four topics is
 * uploaded through the API and gets a transcript (pocketsphinx), captions in the HLS master playlist,
 * a summary and chapters, semantic search hits and time-stamped answers.
 */
describe('a spoken video analysed offline (pglite)', { timeout: 900_000 }, () => {
  let t: UploadTestApp;
  let creator: Session;
  let lecture: LectureVideo;
  let videoId: string;

  const get = (url: string, token = creator.accessToken) =>
    t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const ask = (question: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/videos/${videoId}/ask`,
      headers: bearer(creator.accessToken),
      payload: { question },
    });

  before(async () => {
    t = await startUploadTestApp('pglite');
    startWorkers(t.platform, t.services);
    creator = await newCreator(t);
    lecture = await makeLectureVideo(t.fixtures);
    videoId = await createUploadVideo(t, creator);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/videos/${videoId}`,
      headers: bearer(creator.accessToken),
      payload: { title: 'Weekend skills', description: 'One lesson, several practical topics.' },
    });
    await tusUpload(t, creator, lecture.path, { videoId, filename: 'lecture.mp4' });
    // Two more videos without speech, so search has something to rank the lecture against.
    for (const title of ['Guitar chords for beginners', 'A walk through the old town']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/videos',
        headers: bearer(creator.accessToken),
        payload: { title, description: `${title}, filmed on a sunny day.` },
      });
      await attachSource(t, json(response).data.video.id as string, await makeFixture('landscape', t.fixtures));
    }
    const ready = await waitForOutcome(t, creator.accessToken, videoId, 300_000);
    assert.equal(ready.status, 'ready');
  });
  after(() => t?.close());

  test('the transcript is time-stamped, names its model, and is close to what was said', async () => {
    const response = await waitFor(
      'the transcript',
      async () => {
        const reply = await get(`/api/v1/videos/${videoId}/transcript`);
        return reply.statusCode === 200 ? reply : undefined;
      },
      600_000,
      1000,
    );
    const transcript = json(response).data;
    assert.equal(transcript.model.provider, 'local');
    assert.equal(transcript.model.name, 'pocketsphinx-en-us');
    assert.equal(transcript.editedAt, null);
    assert.ok(transcript.segments.length >= 8);
    for (const [index, segment] of transcript.segments.entries()) {
      assert.ok(segment.endSeconds >= segment.startSeconds);
      if (index > 0) assert.ok(segment.startSeconds >= transcript.segments[index - 1].startSeconds);
    }
    const wer = wordErrorRate(
      LECTURE_TEXT,
      transcript.segments.map((segment: { text: string }) => segment.text).join(' '),
    );
    // Measured ~0.25 on this synthetic voice (docs/AI.md); far worse means recognition is broken.
    assert.ok(wer < 0.5, `word error rate ${wer.toFixed(2)}`);
    assert.match(transcript.captionsUrl, /\/hls\/subs\/en\.vtt$/);
  });

  test('captions are WebVTT and listed in the HLS master playlist', async () => {
    // The transcript is saved a moment before the captions are published: wait for the master to list them.
    const master = await waitFor(
      'the master playlist to list the captions',
      async () => {
        const body = (await get(`/media/videos/${videoId}/hls/master.m3u8`)).body;
        return body.includes('TYPE=SUBTITLES') ? body : undefined;
      },
      60_000,
      250,
    );
    assert.match(
      master,
      /#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en".*URI="subs\/en\.m3u8"/,
    );
    for (const variant of master.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF:')))
      assert.match(variant, /SUBTITLES="subs"/);
    const playlist = await get(`/media/videos/${videoId}/hls/subs/en.m3u8`);
    assert.equal(playlist.statusCode, 200);
    assert.match(playlist.body, /en\.vtt/);
    const vtt = await get(`/media/videos/${videoId}/hls/subs/en.vtt`);
    assert.equal(vtt.statusCode, 200);
    assert.match(vtt.body, /^WEBVTT\n\n1\n00:00:\d\d\.\d{3} --> 00:00:\d\d\.\d{3}\n\w/);
  });

  test('the video response carries a summary, key points and chapters that follow the topics', async () => {
    const insights = await waitFor(
      'insights',
      async () => json(await get(`/api/v1/videos/${videoId}`)).data.insights ?? undefined,
      120_000,
      500,
    );
    assert.ok(insights.summary.length > 40);
    assert.ok(insights.keyPoints.length >= 2);
    // Chapters cut where the sentence embeddings change topic.
    assert.equal(insights.model.name, 'textrank-meaning-tiling');
    assert.ok(insights.chapters.length >= 3, JSON.stringify(insights.chapters));
    assert.equal(insights.chapters[0].startSeconds, 0);
    // Every chapter after the first starts near a real topic change (within one caption segment).
    for (const chapter of insights.chapters.slice(1)) {
      const nearest = Math.min(
        ...lecture.topics.slice(1).map((topic) => Math.abs(topic.startSeconds - chapter.startSeconds)),
      );
      assert.ok(
        nearest < 6,
        `chapter "${chapter.title}" at ${chapter.startSeconds} s is ${nearest.toFixed(1)} s from a topic change`,
      );
    }
  });

  test('semantic and hybrid search find the lecture by what is said in it', async () => {
    await waitFor(
      'segment embeddings',
      async () => {
        const row = await t.platform.database.db
          .selectFrom('segment_embeddings')
          .select('position')
          .where('video_id', '=', videoId)
          .executeTakeFirst();
        return row ?? undefined;
      },
      60_000,
      500,
    );
    for (const mode of ['semantic', 'hybrid']) {
      const response = await get(`/api/v1/search?q=${encodeURIComponent('patching a bicycle tube')}&mode=${mode}`);
      assert.equal(response.statusCode, 200, response.body);
      const body = json(response);
      assert.equal(
        body.data[0]?.id,
        videoId,
        `${mode}: ${JSON.stringify(body.data.map((item: { title: string }) => item.title))}`,
      );
      assert.equal(body.meta.mode, mode);
    }
    // Keyword search sees the transcript too (titles, tags and descriptions never mention bicycles), with the line.
    const keyword = json(await get(`/api/v1/search?q=${encodeURIComponent('bicycle')}`));
    assert.equal(keyword.data[0]?.id, videoId);
    assert.match(keyword.data[0].transcriptMatch.text, /bicycle|bike/i);
  });

  test('answers cite a passage inside the right topic, extractively, and say so', async () => {
    let right = 0;
    for (const { question, topic } of LECTURE_QUESTIONS) {
      const response = await ask(question);
      assert.equal(response.statusCode, 200, response.body);
      const answer = json(response).data;
      assert.equal(answer.mode, 'extractive');
      assert.match(answer.notice, /No text generator is configured/);
      assert.equal(answer.answer, answer.passages[0].text);
      const top = answer.passages[0];
      assert.match(top.link, new RegExp(`^/watch/${videoId}\\?t=${Math.floor(top.startSeconds)}$`));
      const range = lecture.topics.find((candidate) => candidate.name === topic)!;
      if (top.startSeconds >= range.startSeconds - 0.5 && top.startSeconds < range.endSeconds) right += 1;
    }
    // The goal is 80 %; measured figures are in docs/AI.md.
    assert.ok(
      right / LECTURE_QUESTIONS.length >= 0.75,
      `${right}/${LECTURE_QUESTIONS.length} top citations in the right topic`,
    );
  });

  test('identical questions are answered from the cache; the stream sends passages, tokens and the answer', async () => {
    const question = LECTURE_QUESTIONS[4]!.question;
    const first = json(await ask(question)).data;
    const again = json(await ask(`  ${question.toUpperCase()}  `)).data;
    assert.deepEqual(again.passages, first.passages);
    const cached = await t.platform.database.db
      .selectFrom('video_answers')
      .select('question')
      .where('video_id', '=', videoId)
      .execute();
    assert.equal(cached.filter((row) => row.question.toLowerCase().includes('moons')).length, 1);

    const stream = await t.app.inject({
      method: 'POST',
      url: `/api/v1/videos/${videoId}/ask/stream`,
      headers: bearer(creator.accessToken),
      payload: { question: 'What is the red planet?' },
    });
    assert.equal(stream.statusCode, 200);
    assert.match(String(stream.headers['content-type']), /text\/event-stream/);
    const events = stream.body
      .split('\n\n')
      .filter(Boolean)
      .map((block) => block.match(/^event: (\w+)/)?.[1]);
    assert.deepEqual(events, ['passages', 'token', 'done']);
  });

  test('bad questions are refused with a 400 naming the field, guests with a 401', async () => {
    const short = await ask('?');
    assert.equal(short.statusCode, 400);
    assert.equal(json(short).error.details[0].field, 'question');
    const guest = await t.app.inject({
      method: 'POST',
      url: `/api/v1/videos/${videoId}/ask`,
      payload: { question: 'What is this about?' },
    });
    assert.equal(guest.statusCode, 401);
  });
});
