import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.ts';
import { crawlHls, decodeWithFfmpeg, fetchText, playlistUris } from './hls-test-client.ts';
import { MediaUrlSigner } from './media-urls.ts';
import { videoKeys } from './storage-keys.ts';
import {
  attachSource,
  createVideo,
  startVideoTestApp,
  waitForOutcome,
  type VideoTestApp,
} from './video-test-support.ts';

async function readyVideo(t: VideoTestApp, visibility: 'public' | 'private') {
  const { id } = await createVideo(t, t.creator.accessToken, { visibility });
  await attachSource(t, id, await makeFixture('landscape', t.fixtures));
  const video = await waitForOutcome(t, t.creator.accessToken, id);
  assert.equal(video.status, 'ready', video.failureReason);
  return id;
}

for (const kind of testDatabaseKinds()) {
  describe(`media delivery on ${kind}`, () => {
    let t: VideoTestApp;
    let origin: string;
    let publicId: string;
    let privateId: string;
    before(async () => {
      t = await startVideoTestApp(kind);
      origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
      [publicId, privateId] = [await readyVideo(t, 'public'), await readyVideo(t, 'private')];
    });
    after(async () => {
      await t.close();
    });

    const streamUrl = async (id: string, token?: string) => {
      const response = await fetch(`${origin}/api/v1/videos/${id}/stream-url`, { headers: token ? bearer(token) : {} });
      return {
        status: response.status,
        body: (await response.json()) as { data: { url: string; expiresAt?: string } },
      };
    };

    test('public video: plain URL, segments with Range, ETag/304 and immutable caching, playlists short-lived', async () => {
      const { body } = await streamUrl(publicId);
      assert.equal(body.data.url, `${origin}/media/videos/${publicId}/hls/master.m3u8`);
      assert.equal(body.data.expiresAt, undefined);
      const master = await fetchText(body.data.url);
      assert.equal(master.headers.get('content-type'), 'application/vnd.apple.mpegurl');
      assert.equal(master.headers.get('cache-control'), 'public, max-age=60');
      const [variant = ''] = playlistUris(master.text, body.data.url);
      const [segment = ''] = playlistUris((await fetchText(variant)).text, variant);

      const whole = await fetch(segment);
      const bytes = Buffer.from(await whole.arrayBuffer());
      const etag = whole.headers.get('etag') ?? '';
      assert.equal(whole.headers.get('content-type'), 'video/mp2t');
      assert.equal(whole.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(whole.headers.get('accept-ranges'), 'bytes');
      assert.match(etag, /^".+"$/);

      const partial = await fetch(segment, { headers: { range: 'bytes=100-299' } });
      assert.equal(partial.status, 206);
      assert.equal(partial.headers.get('content-range'), `bytes 100-299/${bytes.length}`);
      assert.deepEqual(Buffer.from(await partial.arrayBuffer()), bytes.subarray(100, 300));
      const suffix = await fetch(segment, { headers: { range: 'bytes=-10' } });
      assert.deepEqual(Buffer.from(await suffix.arrayBuffer()), bytes.subarray(bytes.length - 10));
      const beyond = await fetch(segment, { headers: { range: `bytes=${bytes.length}-` } });
      assert.equal(beyond.status, 416);
      assert.equal(beyond.headers.get('content-range'), `bytes */${bytes.length}`);
      await beyond.arrayBuffer();

      const cached = await fetch(segment, { headers: { 'if-none-match': etag } });
      assert.equal(cached.status, 304);
      assert.equal(
        (await fetch(`${origin}/media/videos/${publicId}/poster.jpg`)).headers.get('content-type'),
        'image/jpeg',
      );
      const vtt = await fetch(`${origin}/media/videos/${publicId}/storyboard.vtt`);
      assert.deepEqual([vtt.status, vtt.headers.get('content-type')], [200, 'text/vtt']);
      await vtt.arrayBuffer();
    });

    test('the source and paths outside the outputs are never served; unknown videos are 404', async () => {
      for (const path of ['source', 'hls/../source', 'hls/.hidden', 'nothing.txt']) {
        const response = await t.app.inject({ method: 'GET', url: `/media/videos/${publicId}/${path}` });
        assert.equal(response.statusCode, 404, path);
      }
      assert.equal(
        (
          await t.app.inject({
            method: 'GET',
            url: '/media/videos/00000000-0000-4000-8000-000000000000/hls/master.m3u8',
          })
        ).statusCode,
        404,
      );
      const pending = await createVideo(t, t.creator.accessToken);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/media/videos/${pending.id}/hls/master.m3u8` })).statusCode,
        404,
      );
    });

    test('private video: 403 unsigned, 200 with the signed URL for playlist and segments, 403 once expired', async () => {
      assert.equal((await streamUrl(privateId)).status, 404, 'strangers do not learn it exists');
      const stranger = await registerUser(t.app);
      assert.equal((await streamUrl(privateId, stranger.accessToken)).status, 404);
      assert.equal((await fetch(`${origin}/media/videos/${privateId}/hls/master.m3u8`)).status, 403);

      const { body } = await streamUrl(privateId, t.creator.accessToken);
      assert.match(body.data.url, new RegExp(`^${origin}/media/s/\\d+/[\\w-]+/videos/${privateId}/hls/master\\.m3u8$`));
      assert.ok(body.data.expiresAt && Date.parse(body.data.expiresAt) > Date.now());
      const { segments } = await crawlHls(body.data.url);
      assert.ok(
        segments.length > 0 && segments.every((segment) => segment.status === 200 && segment.url.includes('/media/s/')),
      );
      const segment = await fetch(segments[0]?.url ?? '');
      assert.equal(segment.headers.get('cache-control'), 'private, max-age=31536000, immutable');
      await segment.arrayBuffer();
      await decodeWithFfmpeg(body.data.url);

      const signer = new MediaUrlSigner(t.platform.jwtSecret);
      const folder = videoKeys(privateId).folder;
      const expired = Math.floor(Date.now() / 1000) - 1;
      assert.equal(
        (await fetch(`${origin}/media/s/${expired}/${signer.sign(folder, expired)}/${folder}/hls/master.m3u8`)).status,
        403,
      );
      // A signature for one video opens no other: the public one's folder, signed, is refused for the private one.
      const later = Math.floor(Date.now() / 1000) + 600;
      const otherSignature = signer.sign(videoKeys(publicId).folder, later);
      assert.equal((await fetch(`${origin}/media/s/${later}/${otherSignature}/${folder}/hls/master.m3u8`)).status, 403);
      assert.equal(
        (await fetch(`${origin}/media/s/${later}/${signer.sign(folder, later)}/${folder}/hls/master.m3u8`)).status,
        200,
      );
    });

    test('deleted videos stop being served', async () => {
      const id = await readyVideo(t, 'public');
      assert.equal((await fetch(`${origin}/media/videos/${id}/hls/master.m3u8`)).status, 200);
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/videos/${id}`,
        headers: bearer(t.creator.accessToken),
      });
      assert.equal(deleted.statusCode, 204);
      assert.equal((await fetch(`${origin}/media/videos/${id}/hls/master.m3u8`)).status, 404);
      assert.equal(
        json(await t.app.inject({ method: 'GET', url: `/api/v1/videos/${id}/stream-url` })).error.code,
        'NOT_FOUND',
      );
    });
  });
}

describe('media delivery with S3 storage', () => {
  let s3: TestS3Server;
  let t: VideoTestApp;
  let origin: string;
  before(async () => {
    s3 = await startS3Server();
    t = await startVideoTestApp('pglite', {
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_REGION: s3.region,
    });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await t.close();
    await s3.close();
  });

  test('playlists come through StreamHub with presigned segment URLs; the bytes come from the store', async () => {
    for (const visibility of ['public', 'private'] as const) {
      const id = await readyVideo(t, visibility);
      const { data } = (await (
        await fetch(`${origin}/api/v1/videos/${id}/stream-url`, { headers: bearer(t.creator.accessToken) })
      ).json()) as { data: { url: string } };
      const { variants, segments } = await crawlHls(data.url);
      assert.ok(
        variants.every((variant) => variant.startsWith(origin)),
        'variant playlists are answered by StreamHub',
      );
      assert.ok(segments.length > 0);
      for (const segment of segments) {
        assert.ok(segment.url.startsWith(s3.endpoint) && segment.url.includes('X-Amz-Signature'), segment.url);
        assert.equal(segment.status, 200);
      }
      await decodeWithFfmpeg(data.url);
      const poster = await fetch(`${new URL('../poster.jpg', data.url)}`, { redirect: 'manual' });
      assert.equal(poster.status, 302);
      assert.ok(poster.headers.get('location')?.startsWith(s3.endpoint));
    }
  });
});
