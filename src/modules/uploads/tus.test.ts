import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { bearer, json } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import {
  bodyOf,
  createTusUpload,
  createVideo,
  newCreator,
  startUploadTestApp,
  statusOf,
  storedSource,
  tusHead,
  tusPatch,
  tusUpload,
  videoStatus,
  type Session,
  type UploadTestApp,
} from './upload-test-support.ts';

const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const WEB_ORIGIN = 'http://app.example';

for (const kind of testDatabaseKinds()) {
  describe(`tus uploads to local storage on ${kind}`, () => {
    let t: UploadTestApp;
    let landscape: string;
    let landscapeBytes: Buffer<ArrayBuffer>;
    before(async () => {
      t = await startUploadTestApp(kind, {
        MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
        UPLOADS_PER_DAY: '2',
        CORS_ORIGINS: WEB_ORIGIN,
      });
      landscape = await makeFixture('landscape', t.fixtures);
      landscapeBytes = await readFile(landscape);
    });
    after(async () => {
      await t.close();
    });

    /** Files tus holds for uploads (tests run one at a time, so a test compares before and after). */
    const tusFiles = async () => (await readdir(join(t.dataDir, 'uploads')).catch(() => [])).sort();

    const startUpload = async (creator: Session, videoId: string, sizeBytes = landscapeBytes.length) => {
      const created = await createTusUpload(t, creator.accessToken, sizeBytes, { videoId, filename: 'clip.mp4' });
      assert.equal(created.status, 201, await created.text());
      return created.headers.get('location') ?? '';
    };

    test('a tus-js-client upload lands byte-identical at videos/<id>/source and starts processing', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const filesBefore = await tusFiles();
      const url = await tusUpload(t, creator, landscape, { videoId });

      assert.match(url, /\/api\/v1\/uploads\/[0-9a-f-]{36}$/);
      assert.deepEqual(await storedSource(t, videoId), landscapeBytes);
      assert.equal(await videoStatus(t, creator, videoId), 'processing');
      assert.deepEqual(await tusFiles(), filesBefore, 'the received file is removed once stored');
      // A client that lost the final response and resumes sees a finished upload.
      const head = await tusHead(url, creator.accessToken);
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('upload-offset'), String(landscapeBytes.length));
      assert.equal(head.headers.get('upload-length'), String(landscapeBytes.length));
    });

    test('an interrupted upload resumes from the offset HEAD reports and ends byte-identical', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const url = await startUpload(creator, videoId);

      // The connection drops after 40% of the body: no clean end, no response.
      const sent = Math.floor(landscapeBytes.length * 0.4);
      await new Promise<void>((resolve) => {
        const patch = httpRequest(url, {
          method: 'PATCH',
          headers: {
            'tus-resumable': '1.0.0',
            'upload-offset': '0',
            'content-type': 'application/offset+octet-stream',
            'content-length': String(landscapeBytes.length),
            ...bearer(creator.accessToken),
          },
        });
        patch.on('error', () => resolve());
        patch.write(landscapeBytes.subarray(0, sent), () =>
          setTimeout(() => {
            patch.destroy();
            resolve();
          }, 300),
        );
      });

      let offset = 0;
      for (let attempt = 0; attempt < 50 && offset < sent; attempt += 1) {
        const head = await tusHead(url, creator.accessToken);
        assert.equal(head.status, 200);
        offset = Number(head.headers.get('upload-offset'));
        if (offset < sent) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(offset, sent, 'every byte that arrived before the drop is kept');
      assert.equal(await videoStatus(t, creator, videoId), 'uploading');

      let resumedFrom = -1;
      await tusUpload(t, creator, landscape, {
        videoId,
        uploadUrl: url,
        onProgress: (bytesSent) => {
          if (resumedFrom < 0) resumedFrom = bytesSent;
        },
      });
      assert.ok(resumedFrom >= sent, `resumed at ${resumedFrom}, not from the start`);
      assert.deepEqual(await storedSource(t, videoId), landscapeBytes);
      assert.equal(await videoStatus(t, creator, videoId), 'processing');
    });

    test('creation requests are checked before any byte is accepted', async () => {
      const creator = await newCreator(t);
      const stranger = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const filesBefore = await tusFiles();
      const errorOf = async (response: Response) => ({
        status: response.status,
        ...((await response.json()) as { error: { code: string; details?: { field: string }[] } }).error,
      });

      assert.equal((await createTusUpload(t, undefined, 100, { videoId })).status, 401);
      const noMetadata = await errorOf(await createTusUpload(t, creator.accessToken, 100));
      assert.deepEqual([noMetadata.status, noMetadata.details?.[0]?.field], [400, 'Upload-Metadata.videoId']);
      const badVideoId = await errorOf(await createTusUpload(t, creator.accessToken, 100, { videoId: 'not-a-uuid' }));
      assert.deepEqual([badVideoId.status, badVideoId.details?.[0]?.field], [400, 'Upload-Metadata.videoId']);
      assert.equal((await createTusUpload(t, creator.accessToken, undefined, { videoId })).status, 400);
      assert.equal(
        (await createTusUpload(t, creator.accessToken, 100, { videoId: '00000000-0000-4000-8000-000000000000' }))
          .status,
        404,
      );
      assert.equal((await createTusUpload(t, stranger.accessToken, 100, { videoId })).status, 403);
      const tooBig = await errorOf(await createTusUpload(t, creator.accessToken, MAX_UPLOAD_BYTES + 1, { videoId }));
      assert.deepEqual([tooBig.status, tooBig.code], [413, 'PAYLOAD_TOO_LARGE']);
      assert.equal(await videoStatus(t, creator, videoId), 'uploading');
      assert.deepEqual(await tusFiles(), filesBefore);
    });

    test('a video that already has its source refuses another upload with 409', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      await tusUpload(t, creator, landscape, { videoId });
      const again = await createTusUpload(t, creator.accessToken, landscapeBytes.length, { videoId });
      assert.equal(again.status, 409);
      assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'ALREADY_UPLOADED');
    });

    test('one upload per video at a time: a second creation gets 409 with the first URL, until it is cancelled', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const filesBefore = await tusFiles();
      const first = await startUpload(creator, videoId);
      assert.equal((await tusPatch(first, creator.accessToken, 0, landscapeBytes.subarray(0, 1000))).status, 204);

      const second = await createTusUpload(t, creator.accessToken, landscapeBytes.length, { videoId });
      assert.equal(second.status, 409);
      const { error } = (await second.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, 'UPLOAD_IN_PROGRESS');
      assert.ok(error.message.includes(new URL(first).pathname), error.message);

      const cancel = await fetch(first, {
        method: 'DELETE',
        headers: { 'tus-resumable': '1.0.0', ...bearer(creator.accessToken) },
      });
      assert.equal(cancel.status, 204);
      assert.deepEqual(await tusFiles(), filesBefore);
      assert.equal((await tusHead(first, creator.accessToken)).status, 410);
      await startUpload(creator, videoId);
    });

    test('the daily upload count is enforced with 429 and Retry-After', async () => {
      const creator = await newCreator(t);
      for (let started = 0; started < 2; started += 1) await startUpload(creator, await createVideo(t, creator));
      const third = await createTusUpload(t, creator.accessToken, 100, { videoId: await createVideo(t, creator) });
      assert.equal(third.status, 429);
      assert.equal(((await third.json()) as { error: { code: string } }).error.code, 'DAILY_UPLOAD_LIMIT');
      const retryAfter = Number(third.headers.get('retry-after'));
      assert.ok(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600, `Retry-After ${retryAfter}`);
      // Another user has their own count.
      const other = await newCreator(t);
      await startUpload(other, await createVideo(t, other));
    });

    test('a text file renamed .mp4 is refused with 422 NOT_MEDIA and leaves nothing behind; a real file then succeeds', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const text = await makeFixture('textAsMp4', t.fixtures);
      const filesBefore = await tusFiles();

      const failure = await tusUpload(t, creator, text, { videoId, filename: 'notes.mp4' }).then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.equal(statusOf(failure), 422);
      const { error } = JSON.parse(bodyOf(failure)) as { error: { code: string; message: string } };
      assert.equal(error.code, 'NOT_MEDIA');
      assert.match(error.message, /not a video or audio file|no video or audio/i);
      assert.deepEqual(await tusFiles(), filesBefore);
      assert.equal(await storedSource(t, videoId), null);
      assert.equal(await videoStatus(t, creator, videoId), 'uploading');

      await tusUpload(t, creator, landscape, { videoId });
      assert.deepEqual(await storedSource(t, videoId), landscapeBytes);
    });

    test('when finalising fails after the last byte, the next HEAD finishes the upload', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const url = await startUpload(creator, videoId);
      const { storage } = t.platform;
      // Local storage adopts the received file; any other storage copies it.
      const { putFile, adoptFile } = storage;
      const unavailable = async () => {
        throw new Error('disk unavailable');
      };
      storage.putFile = unavailable;
      storage.adoptFile = unavailable;
      try {
        assert.equal((await tusPatch(url, creator.accessToken, 0, landscapeBytes)).status, 500);
      } finally {
        storage.putFile = putFile;
        storage.adoptFile = adoptFile;
      }
      assert.equal(await videoStatus(t, creator, videoId), 'uploading');

      const head = await tusHead(url, creator.accessToken);
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('upload-offset'), String(landscapeBytes.length));
      assert.deepEqual(await storedSource(t, videoId), landscapeBytes);
      assert.equal(await videoStatus(t, creator, videoId), 'processing');
    });

    test('abandoned uploads are swept: bytes removed, the URL answers 410, the video can be uploaded again', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const url = await startUpload(creator, videoId);
      assert.equal((await tusPatch(url, creator.accessToken, 0, landscapeBytes.subarray(0, 5000))).status, 204);
      const uploadId = new URL(url).pathname.split('/').pop() ?? '';
      assert.ok((await tusFiles()).includes(uploadId));
      const { uploads } = t.services.uploads;

      assert.equal(await uploads.expireAbandoned(new Date()), 0, 'nothing expires early');
      // Earlier tests left unfinished uploads too; they all expire with this one.
      assert.ok((await uploads.expireAbandoned(new Date(Date.now() + 25 * 3600_000))) >= 1);
      assert.deepEqual(await tusFiles(), []);
      const head = await tusHead(url, creator.accessToken);
      assert.equal(head.status, 410);
      await startUpload(creator, videoId);
    });

    test('browsers: preflight allows the tus headers, responses expose them, unknown origins get no CORS', async () => {
      const creator = await newCreator(t);
      const preflight = await fetch(`${t.baseUrl}/api/v1/uploads`, {
        method: 'OPTIONS',
        headers: {
          origin: WEB_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, tus-resumable, upload-length, upload-metadata',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), WEB_ORIGIN);
      const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'tus-resumable', 'upload-length', 'upload-metadata', 'upload-offset'])
        assert.ok(allowed.includes(header), header);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PATCH/);
      assert.ok(preflight.headers.get('tus-version'), 'OPTIONS also answers tus discovery');

      const created = await fetch(`${t.baseUrl}/api/v1/uploads`, {
        method: 'POST',
        headers: {
          origin: WEB_ORIGIN,
          'tus-resumable': '1.0.0',
          'upload-length': '10',
          'upload-metadata': `videoId ${Buffer.from(await createVideo(t, creator)).toString('base64')}`,
          ...bearer(creator.accessToken),
        },
      });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('access-control-allow-origin'), WEB_ORIGIN);
      const exposed = (created.headers.get('access-control-expose-headers') ?? '').toLowerCase();
      for (const header of ['location', 'upload-offset', 'upload-expires']) assert.ok(exposed.includes(header), header);
      assert.ok(created.headers.get('x-request-id'));

      const refused = await fetch(`${t.baseUrl}/api/v1/uploads`, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
    });

    test('without S3 the direct flow explains to use tus', async () => {
      const creator = await newCreator(t);
      const videoId = await createVideo(t, creator);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/videos/upload-url',
        headers: bearer(creator.accessToken),
        payload: { videoId, filename: 'clip.mp4', sizeBytes: 1000, contentType: 'video/mp4' },
      });
      assert.equal(response.statusCode, 409);
      assert.equal(json(response).error.code, 'DIRECT_UPLOAD_UNAVAILABLE');
      assert.match(json(response).error.message, /tus/);
    });
  });
}
