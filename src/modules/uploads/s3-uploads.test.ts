import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bearer, json } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.ts';
import { MultipartUploadNotFoundError } from '../../platform/storage/object-storage.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import { uploadRepo } from './repo.ts';
import {
  bodyOf,
  createVideo,
  newCreator,
  startUploadTestApp,
  statusOf,
  storedSource,
  tusUpload,
  videoStatus,
  type Session,
  type UploadTestApp,
} from './upload-test-support.ts';

const run = promisify(execFile);

/** 100 s of 48 kHz stereo PCM: ~19 MB, so two 16 MiB parts in the direct flow. */
async function makeLongWav(dir: string): Promise<string> {
  const output = join(dir, 'long.wav');
  await run(process.env.FFMPEG_PATH || 'ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'sine=f=440:sample_rate=48000:d=100',
    '-ac',
    '2',
    output,
  ]);
  return output;
}

interface PlannedUpload {
  uploadId: string;
  partSize: number;
  parts: { partNumber: number; url: string }[];
  expiresAt: string;
}

for (const kind of testDatabaseKinds()) {
  describe(`uploads to S3 storage on ${kind}`, () => {
    let s3: TestS3Server;
    let t: UploadTestApp;
    let landscape: string;
    let longWav: string;
    before(async () => {
      s3 = await startS3Server();
      t = await startUploadTestApp(kind, {
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        S3_REGION: s3.region,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        UPLOADS_PER_DAY: '5',
      });
      landscape = await makeFixture('landscape', t.fixtures);
      longWav = await makeLongWav(t.fixtures);
    });
    after(async () => {
      await t.close();
      await s3.close();
    });

    const objectsOf = (videoId: string) => t.platform.storage.listObjects(videoKeys(videoId).folder);

    const requestUploadUrl = (
      session: Session,
      videoId: string,
      sizeBytes: number,
      headers: Record<string, string> = {},
      filename = 'clip.wav',
    ) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/videos/upload-url',
        headers: { ...bearer(session.accessToken), ...headers },
        payload: { videoId, filename, sizeBytes, contentType: 'audio/wav' },
      });

    /** Plans a direct upload and PUTs every part straight to the store, as a browser would. */
    const sendParts = async (session: Session, videoId: string, bytes: Buffer<ArrayBuffer>) => {
      const planned = await requestUploadUrl(session, videoId, bytes.length);
      assert.equal(planned.statusCode, 201, planned.body);
      const plan = json(planned).data as PlannedUpload;
      const parts = await Promise.all(
        plan.parts.map(async ({ partNumber, url }) => {
          const body = bytes.subarray((partNumber - 1) * plan.partSize, partNumber * plan.partSize);
          const response = await fetch(url, { method: 'PUT', body });
          assert.equal(response.status, 200);
          return { partNumber, etag: response.headers.get('etag') ?? '' };
        }),
      );
      return { plan, parts };
    };

    const complete = (session: Session, videoId: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/videos/${videoId}/upload-complete`,
        headers: bearer(session.accessToken),
        payload,
      });

    test('tus with the S3 store writes straight to the source key, leaving no tus sidecars', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      await tusUpload(t, creator, longWav, { videoId, filename: 'long.wav', chunkSize: 6 * 1024 * 1024 });
      assert.deepEqual(await storedSource(t, videoId), await readFile(longWav));
      assert.deepEqual(await objectsOf(videoId), [videoKeys(videoId).source]);
      assert.equal(await videoStatus(t, creator, videoId), 'processing');
    });

    test('tus with the S3 store refuses a text file with 422 and deletes every byte of it', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const failure = await tusUpload(t, creator, await makeFixture('textAsMp4', t.fixtures), { videoId }).then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.equal(statusOf(failure), 422);
      assert.equal((JSON.parse(bodyOf(failure)) as { error: { code: string } }).error.code, 'NOT_MEDIA');
      assert.deepEqual(await objectsOf(videoId), []);
      assert.equal(await videoStatus(t, creator, videoId), 'uploading');
    });

    test('direct flow: presigned parts, then upload-complete assembles the source and starts processing; repeating it gives the same answer', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const bytes = await readFile(longWav);
      const { plan, parts } = await sendParts(creator, videoId, bytes);
      assert.equal(plan.parts.length, 2);
      assert.ok(plan.partSize >= 5 * 1024 * 1024);
      assert.ok(Date.parse(plan.expiresAt) > Date.now() + 23 * 3600_000);

      const completed = await complete(creator, videoId, { uploadId: plan.uploadId, parts });
      assert.equal(completed.statusCode, 200, completed.body);
      assert.deepEqual(json(completed).data, { uploadId: plan.uploadId, video: { id: videoId, status: 'processing' } });
      assert.deepEqual(await storedSource(t, videoId), bytes);

      const again = await complete(creator, videoId, { uploadId: plan.uploadId, parts });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(json(again).data, json(completed).data);
    });

    test('two concurrent upload-complete calls: one assembles, the other gets the same result or 409, one object, one completed upload', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const bytes = await readFile(landscape);
      const { plan, parts } = await sendParts(creator, videoId, bytes);

      const answers = await Promise.all(
        [0, 1].map(() => complete(creator, videoId, { uploadId: plan.uploadId, parts })),
      );
      const statuses = answers.map((answer) => answer.statusCode).sort();
      assert.ok(statuses[0] === 200 && [200, 409].includes(statuses[1] ?? 0), `statuses ${statuses}`);
      for (const answer of answers) {
        if (answer.statusCode === 409) assert.equal(json(answer).error.code, 'FINALIZE_IN_PROGRESS');
        else assert.deepEqual(json(answer).data.video, { id: videoId, status: 'processing' });
      }
      assert.deepEqual(await objectsOf(videoId), [videoKeys(videoId).source]);
      assert.deepEqual(await storedSource(t, videoId), bytes);
      assert.equal((await uploadRepo.findById(t.platform.database.db, plan.uploadId))?.state, 'completed');
      // Whoever got 409 asks again and gets the result.
      assert.equal((await complete(creator, videoId, { uploadId: plan.uploadId, parts })).statusCode, 200);
    });

    test('a wrong ETag or a part that was never sent is a 400 naming the part; the upload can still be completed', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const bytes = await readFile(longWav);
      const { plan, parts } = await sendParts(creator, videoId, bytes);

      const wrongEtag = await complete(creator, videoId, {
        uploadId: plan.uploadId,
        parts: [parts[0], { partNumber: 2, etag: '"0123456789abcdef0123456789abcdef"' }],
      });
      assert.equal(wrongEtag.statusCode, 400);
      assert.equal(json(wrongEtag).error.code, 'INVALID_PARTS');
      assert.equal(json(wrongEtag).error.details[0].field, 'parts.1.etag');
      const missingPart = await complete(creator, videoId, {
        uploadId: plan.uploadId,
        parts: [...parts, { partNumber: 3, etag: 'abc' }],
      });
      assert.equal(missingPart.statusCode, 400);
      const tooShort = await complete(creator, videoId, { uploadId: plan.uploadId, parts: [parts[0]] });
      assert.match(json(tooShort).error.details[0].message, /declared/);
      assert.equal(await videoStatus(t, creator, videoId), 'uploading');

      const completed = await complete(creator, videoId, { uploadId: plan.uploadId, parts });
      assert.equal(completed.statusCode, 200, completed.body);
      assert.deepEqual(await storedSource(t, videoId), bytes);
    });

    test('a direct upload that is not media is refused with 422 and deleted; the video stays uploadable', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const { plan, parts } = await sendParts(
        creator,
        videoId,
        await readFile(await makeFixture('textAsMp4', t.fixtures)),
      );
      const refused = await complete(creator, videoId, { uploadId: plan.uploadId, parts });
      assert.equal(refused.statusCode, 422);
      assert.equal(json(refused).error.code, 'NOT_MEDIA');
      assert.deepEqual(await objectsOf(videoId), []);
      assert.equal(await videoStatus(t, creator, videoId), 'uploading');
      assert.equal(
        (await complete(creator, videoId, { uploadId: plan.uploadId, parts })).statusCode,
        422,
        'asking again gives the same answer',
      );
      assert.equal((await requestUploadUrl(creator, videoId, 1000)).statusCode, 201);
    });

    test('Idempotency-Key on upload-url: a retry gets the same upload, a different request with the key is refused', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const headers = { 'idempotency-key': `upload-${videoId}` };
      // Two at once: one creates; the other replays it, or is told to retry while it is being created.
      const answers = await Promise.all([
        requestUploadUrl(creator, videoId, 1000, headers),
        requestUploadUrl(creator, videoId, 1000, headers),
      ]);
      const created = answers.filter((answer) => answer.statusCode === 201);
      assert.ok(created.length >= 1, answers.map((answer) => answer.body).join(' '));
      for (const answer of answers) {
        if (answer.statusCode === 201) assert.equal(json(answer).data.uploadId, json(created[0]!).data.uploadId);
        else assert.equal(json(answer).error.code, 'REQUEST_IN_PROGRESS');
      }
      const retried = await requestUploadUrl(creator, videoId, 1000, headers);
      assert.equal(retried.statusCode, 201);
      assert.equal(retried.headers['idempotent-replayed'], 'true');
      assert.equal(json(retried).data.uploadId, json(created[0]!).data.uploadId);
      assert.equal(
        (await uploadRepo.startedSince(t.platform.database.db, creator.user.id, new Date(0))).count,
        1,
        'a replay is not another upload',
      );
      const reused = await requestUploadUrl(creator, videoId, 2000, headers);
      assert.equal(reused.statusCode, 409);
      assert.equal(json(reused).error.code, 'IDEMPOTENCY_KEY_REUSED');
      const another = await requestUploadUrl(creator, videoId, 1000);
      assert.equal(json(another).error.code, 'UPLOAD_IN_PROGRESS');
    });

    test('cancelling a direct upload aborts its multipart upload; completing it afterwards is 410', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const { plan, parts } = await sendParts(creator, videoId, await readFile(landscape));
      const row = await uploadRepo.findById(t.platform.database.db, plan.uploadId);

      const cancelled = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/videos/${videoId}/upload`,
        headers: bearer(creator.accessToken),
      });
      assert.equal(cancelled.statusCode, 204);
      await assert.rejects(
        t.platform.storage.presign?.listParts(videoKeys(videoId).source, row?.multipart_upload_id ?? '') ??
          Promise.resolve(),
        MultipartUploadNotFoundError,
      );
      const late = await complete(creator, videoId, { uploadId: plan.uploadId, parts });
      assert.equal(late.statusCode, 410);
      assert.equal(json(late).error.code, 'UPLOAD_GONE');
      assert.deepEqual(await objectsOf(videoId), []);
      const none = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/videos/${videoId}/upload`,
        headers: bearer(creator.accessToken),
      });
      assert.equal(none.statusCode, 404);
    });

    test('upload-url checks ownership, size and the daily limit like tus does', async () => {
      const creator = await newCreator(t);
      const stranger = await newCreator(t);
      const videoId = await createVideo(t, creator);
      assert.equal((await requestUploadUrl(stranger, videoId, 1000)).statusCode, 403);
      assert.equal((await requestUploadUrl(creator, videoId, 11 * 1024 ** 3)).statusCode, 413);
      assert.equal(
        (await t.app.inject({ method: 'POST', url: '/api/v1/videos/upload-url', payload: { videoId } })).statusCode,
        401,
      );
      const invalid = await requestUploadUrl(creator, videoId, -5);
      assert.equal(invalid.statusCode, 400);
      assert.equal(json(invalid).error.details[0].field, 'sizeBytes');
    });
  });
}
