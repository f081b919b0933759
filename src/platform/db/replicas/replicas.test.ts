import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledQuery, sql } from 'kysely';
import { buildApp, type App } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { createServices } from '../../../modules/services.ts';
import { createPlatform, type Platform } from '../../platform.ts';
import {
  replicaClusterUnavailable,
  startReplicaCluster,
  type ReplicaCluster,
} from '../../../../test/support/replica-cluster.ts';
import { formatLsn, insertedEnd, parseLsn } from './lsn.ts';
import { ReplicaSet } from './replica-set.ts';
import { isReplicaSafe } from './routing-driver.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('replica routing rules', () => {
  test('WAL positions compare in WAL order', () => {
    assert.ok(parseLsn('1/0') > parseLsn('0/FFFFFFFF'));
    assert.ok(parseLsn('0/16B3748') < parseLsn('0/16B3750'));
    assert.equal(formatLsn(parseLsn('16/B374D848')), '16/B374D848');
  });

  test('an insert position past an empty page header counts as the page start', () => {
    const layout = { blockSize: 8192n, segmentSize: 16n * 1024n * 1024n };
    // After a segment switch: the next record goes after the segment's long header.
    assert.equal(insertedEnd(parseLsn('0/2000028'), layout), parseLsn('0/2000000'));
    // The last record filled its page: the next goes after the next page's short header.
    assert.equal(insertedEnd(parseLsn('0/2002018'), layout), parseLsn('0/2002000'));
    // A record ended inside a page: that end stands.
    assert.equal(insertedEnd(parseLsn('0/1D745B0'), layout), parseLsn('0/1D745B0'));
    assert.equal(insertedEnd(parseLsn('0/2002020'), layout), parseLsn('0/2002020'));
  });

  test('only plain reads may go to a replica', () => {
    const raw = (text: string) => CompiledQuery.raw(text);
    assert.equal(isReplicaSafe(raw('select * from videos where id = $1')), true);
    assert.equal(isReplicaSafe(raw('with recent as (select 1) select * from recent')), true);
    assert.equal(isReplicaSafe(raw('select * from videos for update')), false);
    assert.equal(isReplicaSafe(raw('select pg_advisory_xact_lock(1)')), false);
    assert.equal(isReplicaSafe(raw('select pg_try_advisory_xact_lock(1)')), false);
    assert.equal(isReplicaSafe(raw('select updated_at from videos')), true);
    assert.equal(isReplicaSafe(raw("select set_config('a.b', '1', true)")), false);
    assert.equal(isReplicaSafe(raw('with moved as (delete from jobs returning id) select * from moved')), false);
    assert.equal(isReplicaSafe(raw('update videos set title = $1')), false);
    assert.equal(isReplicaSafe(raw('insert into likes values ($1)')), false);
  });
});

const unavailable = replicaClusterUnavailable();

describe('read replicas on a real streaming replica', { skip: unavailable }, () => {
  let cluster: ReplicaCluster;
  let platform: Platform;
  let app: App;
  let dataDir: string;
  let user: { id: string; token: string };

  const reads = () => ({ ...platform.database.replicas!.reads });
  const profile = async (token?: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${user.id}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json().data as { bio: string };
  };
  /** The user sets their bio (a write through the API, which leaves a read-your-writes mark). */
  const writeBio = async (bio: string) => {
    const written = await app.inject({
      method: 'PUT',
      url: `/api/v1/users/${user.id}`,
      headers: { authorization: `Bearer ${user.token}` },
      payload: { bio },
    });
    assert.equal(written.statusCode, 200, written.body);
    return bio;
  };
  /** Waits until the replica answered a check and has replayed everything the primary had. */
  const caughtUp = async () => {
    const primaryLsn = await platform.database.currentWalLsn!();
    for (let attempt = 0; attempt < 200; attempt++) {
      await platform.database.replicas!.check();
      const [state] = platform.database.replicas!.states;
      if (state?.up && state.replayLsn !== undefined && state.replayLsn >= primaryLsn) return;
      await sleep(50);
    }
    assert.fail('the replica did not catch up');
  };

  before(async () => {
    cluster = await startReplicaCluster();
    dataDir = mkdtempSync(join(tmpdir(), 'streamhub-replica-app-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URLS: cluster.replicaUrl,
      DATABASE_REPLICA_CHECK_MS: '100',
      // Lag is injected below; the replica stays in rotation so read-your-writes is what keeps reads fresh.
      DATABASE_REPLICA_MAX_LAG_MS: '60000',
      RATE_LIMIT_REGISTER_PER_HOUR: '1000',
      RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
      ...(process.env.REDIS_URL
        ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `test-${randomUUID().slice(0, 8)}:` }
        : {}),
    });
    platform = await createPlatform(config);
    app = await buildApp(platform, createServices(platform));
    await app.ready();
    const username = `replica${randomBytes(4).toString('hex')}`;
    const registered = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { username, email: `${username}@example.com`, password: 'a long enough password' },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const session = registered.json().data as { user: { id: string }; accessToken: string };
    user = { id: session.user.id, token: session.accessToken };
  });

  after(async () => {
    await app?.close();
    await platform?.close();
    cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a public profile is read from the replica once it has caught up', async () => {
    await caughtUp();
    const before = reads();
    await profile();
    assert.ok(reads().replica > before.replica, 'the read went to the replica');
  });

  test('a write followed at once by a read sees the write, though the replica lags behind', async () => {
    cluster.replicaSql("alter system set recovery_min_apply_delay = '5s'");
    cluster.replicaSql('select pg_reload_conf()');
    await caughtUp();
    const bio = await writeBio(`written ${randomUUID()}`);
    // The writer reads its write (the primary answers: the replica has not replayed it)...
    assert.equal((await profile(user.token)).bio, bio);
    // ...while an anonymous reader is served by the lagging replica: the lag is real.
    const anonymous = await profile();
    assert.notEqual(anonymous.bio, bio);

    // A replica further behind than the limit is out of rotation.
    const strict = new ReplicaSet({
      urls: [cluster.replicaUrl],
      maxLagMs: 300,
      checkIntervalMs: 100,
      poolSize: 1,
      primaryLsn: () => platform.database.currentWalLsn!(),
    });
    try {
      await strict.check();
      await sleep(700);
      await sql`select pg_switch_wal()`.execute(platform.database.db).catch(() => undefined);
      await strict.check();
      assert.ok(strict.states[0]!.lagMs > 300, `lag measured: ${strict.states[0]!.lagMs} ms`);
      assert.equal(strict.pick(), undefined);
    } finally {
      await strict.close();
      cluster.replicaSql('alter system reset recovery_min_apply_delay');
      cluster.replicaSql('select pg_reload_conf()');
    }
  });

  test('with asynchronous commit, a write followed at once by a read still sees the write', async () => {
    // The commit returns before its WAL record is written; the WAL writer writes it within its delay.
    // The write mark must cover the commit itself, not only what was written when the response left.
    await caughtUp();
    cluster.primarySql("alter system set synchronous_commit = 'off'");
    cluster.primarySql("alter system set wal_writer_delay = '10s'");
    cluster.primarySql('select pg_reload_conf()');
    try {
      await sleep(300);
      for (let attempt = 0; attempt < 5; attempt++) {
        const bio = await writeBio(`written asynchronously ${randomUUID()}`);
        await platform.database.replicas!.check();
        assert.equal((await profile(user.token)).bio, bio, `attempt ${attempt}: the writer read a stale profile`);
      }
    } finally {
      cluster.primarySql('alter system reset synchronous_commit');
      cluster.primarySql('alter system reset wal_writer_delay');
      cluster.primarySql('select pg_reload_conf()');
    }
  });

  test('a stopped replica does not fail requests: reads fall back to the primary', async () => {
    await caughtUp();
    cluster.stopReplica();
    const before = reads();
    for (let index = 0; index < 10; index++) {
      await profile();
      const search = await app.inject({ method: 'GET', url: '/api/v1/search?q=anything' });
      assert.equal(search.statusCode, 200, search.body);
    }
    assert.equal(platform.database.replicas!.states[0]!.up, false);
    assert.ok(reads().primary >= before.primary + 10);
  });

  test('every stale-tolerant route is a registered GET route', async () => {
    const { STALE_TOLERANT_ROUTES } = await import('../../http/stale-tolerant-routes.ts');
    for (const url of STALE_TOLERANT_ROUTES) {
      assert.ok(app.hasRoute({ method: 'GET', url }), `${url} is not a route`);
    }
  });
});
