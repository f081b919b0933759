// The ops console's log search by route: every line a request logs names its route pattern and method,
// the sink stores them in ops_logs, and the admin API filters by a validated route and lists the routes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { opsLogSink } from '../../platform/ops/log-sink.ts';
import { adminToken } from '../videos/video-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`admin log search by route on ${kind}`, () => {
    let t: TestApp;
    let admin: string;
    before(async () => {
      // Every request's info lines in the ring (the default keeps warnings and errors only).
      process.env.OPS_LOG_LEVEL = 'info';
      t = await startTestApp(kind, { LOG_LEVEL: 'info' });
      opsLogSink.attach(t.platform.database.db, { processId: `test:${kind}`, flushMs: 60_000 });
      admin = await adminToken(t);
    });
    after(async () => {
      await opsLogSink.detach();
      await t.close();
    });

    const logs = (query: string, token = admin) =>
      t.app.inject({ method: 'GET', url: `/api/v1/admin/ops/logs?${query}`, headers: bearer(token) });

    test("a route's lines carry its pattern and method, and only they match its filter", async () => {
      const videoRequest = `video-${randomUUID()}`;
      const userRequest = `user-${randomUUID()}`;
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/videos/${randomUUID()}`,
        headers: { 'x-request-id': videoRequest },
      });
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/users/${randomUUID()}`,
        headers: { 'x-request-id': userRequest },
      });
      await opsLogSink.flush();

      const response = await logs(`route=${encodeURIComponent('/api/v1/videos/:id')}&limit=100`);
      assert.equal(response.statusCode, 200);
      const lines = json(response).data as Array<Record<string, any>>;
      const own = lines.filter((line) => line.requestId === videoRequest);
      assert.deepEqual(own.map((line) => line.message).sort(), ['incoming request', 'request completed']);
      for (const line of lines) {
        assert.equal(line.route, '/api/v1/videos/:id');
        assert.equal(line.method, 'GET');
        assert.notEqual(line.requestId, userRequest);
      }
      // The completed line still says how the request ended, beside its route.
      assert.equal(own.find((line) => line.message === 'request completed')!.line.res.statusCode, 404);

      // Combined with the other filters: the user route's request is found by its id and route, not by another route.
      const byBoth = json(await logs(`route=${encodeURIComponent('/api/v1/users/:id')}&requestId=${userRequest}`));
      assert.equal(byBoth.data.length, 2);
      const crossed = json(await logs(`route=${encodeURIComponent('/api/v1/videos/:id')}&requestId=${userRequest}`));
      assert.deepEqual(crossed.data, []);
    });

    test('the route picker lists the logged routes with their line counts', async () => {
      await t.app.inject({ method: 'GET', url: `/api/v1/videos/${randomUUID()}` });
      await opsLogSink.flush();
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/ops/log-routes',
        headers: bearer(admin),
      });
      assert.equal(response.statusCode, 200);
      const routes = json(response).data as Array<{ route: string; lines: number }>;
      const video = routes.find((entry) => entry.route === '/api/v1/videos/:id');
      assert.ok(video && video.lines >= 2, JSON.stringify(routes));
      const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-/;
      assert.ok(!routes.some((entry) => uuid.test(entry.route)), 'patterns, not raw URLs with ids');
      assert.deepEqual(
        routes.map((entry) => entry.route),
        routes.map((entry) => entry.route).sort(),
      );
    });

    test('the route filter is validated and both endpoints are for admins only', async () => {
      for (const route of ['api/v1/videos/:id', '/api/v1/videos/:id?x=1', '/api/v1 videos', `/${'a'.repeat(300)}`]) {
        const response = await logs(`route=${encodeURIComponent(route)}`);
        assert.equal(response.statusCode, 400, route);
        assert.equal(json(response).error.code, 'VALIDATION_ERROR');
      }
      const viewer = await registerUser(t.app);
      assert.equal((await logs('route=/api/v1/videos/:id', viewer.accessToken)).statusCode, 403);
      const routes = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/ops/log-routes',
        headers: bearer(viewer.accessToken),
      });
      assert.equal(routes.statusCode, 403);
    });
  });
}
