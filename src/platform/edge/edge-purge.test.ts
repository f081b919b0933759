// The media edge purge against a real nginx proxy_cache (the cluster's edge configuration, reduced):
// the cache file nginx writes is where EdgeCache computes it; after a video is made private or deleted
// through the API, the outbox consumer removes its cached media and nginx goes back to the origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../../modules/channels/channel-test-support.ts';
import { startWorkers } from '../../workers.ts';
import { EdgeCache } from './edge-cache.ts';
import { EdgeAccessLog, edgeHitRatio } from './edge-stats.ts';

const NGINX = '/usr/sbin/nginx';

async function startNginx(dir: string, port: number, origin: number): Promise<() => void> {
  await mkdir(join(dir, 'cache'), { recursive: true });
  const config = `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  client_body_temp_path ${dir}/tmp-body; proxy_temp_path ${dir}/tmp-proxy; fastcgi_temp_path ${dir}/tmp-fcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi; scgi_temp_path ${dir}/tmp-scgi;
  log_format edge '$time_iso8601 $request_method $uri $status $body_bytes_sent $upstream_cache_status';
  access_log ${dir}/access.log edge;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=media:1m use_temp_path=off;
  server {
    listen 127.0.0.1:${port};
    location /media/ {
      proxy_pass http://127.0.0.1:${origin};
      proxy_cache media;
      proxy_cache_key $uri;
      add_header X-Cache $upstream_cache_status always;
    }
  }
}
`;
  await writeFile(join(dir, 'nginx.conf'), config);
  const started = spawnSync(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')]);
  assert.equal(started.status, 0, started.stderr.toString());
  return () => {
    spawnSync(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-s', 'stop']);
  };
}

describe('edge cache path', () => {
  test('levels 1:2 take the last character, then the two before it', () => {
    const edge = new EdgeCache('/cache');
    const file = edge.fileFor('/media/videos/a/poster.jpg');
    const digest = file.split('/').pop()!;
    assert.equal(file, `/cache/${digest.slice(-1)}/${digest.slice(-3, -1)}/${digest}`);
    assert.equal(
      new EdgeCache('/c', '2').fileFor('x'),
      `/c/${'9dd4e461268c8034f5c8564e155c67a6'.slice(-2)}/9dd4e461268c8034f5c8564e155c67a6`,
    );
    assert.throws(() => new EdgeCache('/c', '3:2'));
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`edge purge with a real nginx on ${kind}`, { skip: !existsSync(NGINX) && 'nginx is not installed' }, () => {
    let t: TestApp;
    let dir: string;
    let stopNginx: () => void;
    let creator: TestAccount;
    let edgeUrl: string;
    let edge: EdgeCache;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'streamhub-edge-'));
      process.env.EDGE_CACHE_DIR = join(dir, 'cache');
      t = await startTestApp(kind);
      startWorkers(t.platform, t.services);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const edgePort = 22100 + Math.floor(Math.random() * 800);
      stopNginx = await startNginx(dir, edgePort, (t.app.server.address() as AddressInfo).port);
      edgeUrl = `http://127.0.0.1:${edgePort}`;
      edge = new EdgeCache(join(dir, 'cache'));
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
    });
    after(async () => {
      stopNginx?.();
      delete process.env.EDGE_CACHE_DIR;
      await t?.close();
      await rm(dir, { recursive: true, force: true });
    });

    const publicVideoWithMedia = async () => {
      const id = await readyVideo(t, creator, { visibility: 'public' });
      await t.platform.storage.putObject(`videos/${id}/poster.jpg`, Buffer.from(`poster of ${id}`));
      await t.platform.storage.putObject(`videos/${id}/hls/360p/seg_00001.ts`, Buffer.alloc(1000, 7));
      return id;
    };
    const fetchEdge = async (path: string) => {
      const response = await fetch(`${edgeUrl}${path}`);
      await response.arrayBuffer();
      return { status: response.status, cache: response.headers.get('x-cache') };
    };

    test('made private: the cached poster and segment are purged and the edge asks the origin again', async () => {
      const id = await publicVideoWithMedia();
      const poster = `/media/videos/${id}/poster.jpg`;
      const segment = `/media/videos/${id}/hls/360p/seg_00001.ts`;
      assert.deepEqual(await fetchEdge(poster), { status: 200, cache: 'MISS' });
      assert.deepEqual(await fetchEdge(poster), { status: 200, cache: 'HIT' });
      assert.equal((await fetchEdge(segment)).status, 200);
      // nginx wrote the response exactly where EdgeCache looks, with the key in its header.
      assert.match(await readFile(edge.fileFor(poster), 'latin1'), new RegExp(`KEY: ${poster}\n`));

      const updated = await call(t, 'PUT', `/videos/${id}`, creator, { visibility: 'private' });
      assert.equal(updated.statusCode, 200, updated.body);
      await eventually('the purge', async () =>
        !existsSync(edge.fileFor(poster)) && !existsSync(edge.fileFor(segment)) ? true : undefined,
      );
      // Not served from the edge any more: the origin refuses an unsigned URL of a private video.
      assert.deepEqual(await fetchEdge(poster), { status: 403, cache: 'MISS' });
    });

    test('deleted: the purge finds the cached files by their keys even when the objects are gone', async () => {
      const id = await publicVideoWithMedia();
      const poster = `/media/videos/${id}/poster.jpg`;
      await fetchEdge(poster);
      assert.equal((await fetchEdge(poster)).cache, 'HIT');
      await t.platform.storage.deletePrefix(`videos/${id}`);
      assert.equal((await fetchEdge(poster)).cache, 'HIT', 'the edge still has it: only a purge removes it');
      const deleted = await call(t, 'DELETE', `/videos/${id}`, creator);
      assert.equal(deleted.statusCode, 204, deleted.body);
      await eventually('the purge', async () => (existsSync(edge.fileFor(poster)) ? undefined : true));
      assert.equal((await fetchEdge(poster)).status, 404);
    });

    test('the access log gives the hit ratio and the bytes served from the edge', async () => {
      const totals = await new EdgeAccessLog(join(dir, 'access.log')).read();
      assert.ok((totals.requests.HIT ?? 0) >= 3, JSON.stringify(totals));
      assert.ok((totals.bytes.HIT ?? 0) > 0);
      const ratio = edgeHitRatio(totals)!;
      assert.ok(ratio > 0 && ratio < 1, String(ratio));
    });
  });
}
