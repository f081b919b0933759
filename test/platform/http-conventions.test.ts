import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { json, registerUser, startTestApp, type TestApp } from '../support/app.ts';
import { testDatabaseKinds } from '../support/databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`HTTP conventions on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { CORS_ORIGINS: 'https://app.example.com', BODY_LIMIT_BYTES: '2048' });
    });
    after(async () => {
      await t.close();
    });

    test('unknown routes answer the error envelope with a request id', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/does-not-exist',
        headers: { 'x-request-id': 'trace-123' },
      });
      assert.equal(response.statusCode, 404);
      assert.equal(response.headers['x-request-id'], 'trace-123');
      assert.deepEqual(json(response), {
        success: false,
        error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/does-not-exist', requestId: 'trace-123' },
      });
    });

    test('validation errors name each field', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid' });
      assert.equal(response.statusCode, 400);
      assert.equal(json(response).error.code, 'VALIDATION_ERROR');
      assert.deepEqual(json(response).error.details, [{ field: 'id', message: 'must be a UUID' }]);
    });

    test('bodies over the limit get 413', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(4000) }),
      });
      assert.equal(response.statusCode, 413);
      assert.equal(json(response).error.code, 'PAYLOAD_TOO_LARGE');
    });

    test('the OpenAPI document is valid OpenAPI 3 and lists the auth routes', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      assert.equal(response.statusCode, 200);
      const document = response.json();
      await SwaggerParser.validate(structuredClone(document));
      assert.ok(document.paths['/api/v1/auth/register'].post);
      assert.ok(document.paths['/api/v1/users/{id}'].get);
      const docsPage = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
      assert.equal(docsPage.statusCode, 200);
      assert.match(docsPage.body, /swagger/i);
    });

    test('metrics count requests by route pattern and status', async () => {
      const user = await registerUser(t.app);
      await t.app.inject({ method: 'GET', url: `/api/v1/users/${user.user.id}` });
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(metrics.statusCode, 200);
      assert.match(metrics.body, /http_requests_total\{method="GET",route="\/api\/v1\/users\/:id",status="200"\} \d+/);
      assert.match(
        metrics.body,
        /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/users\/:id"/,
      );
    });

    test('security headers and a CORS allowlist', async () => {
      const allowed = await t.app.inject({
        method: 'GET',
        url: '/health',
        headers: { origin: 'https://app.example.com' },
      });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://app.example.com');
      assert.equal(allowed.headers['x-content-type-options'], 'nosniff');
      assert.ok(allowed.headers['content-security-policy']);
      const denied = await t.app.inject({
        method: 'GET',
        url: '/health',
        headers: { origin: 'https://evil.example.com' },
      });
      assert.equal(denied.headers['access-control-allow-origin'], undefined);
    });

    test('JSON API responses get the short policy for data; pages and the API docs keep the page policy', async () => {
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/videos/trending' });
      assert.equal(api.statusCode, 200);
      assert.equal(api.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
      assert.equal(api.headers['x-content-type-options'], 'nosniff');
      assert.equal(api.headers['x-frame-options'], 'DENY');
      assert.equal(api.headers['cross-origin-resource-policy'], 'same-site');
      assert.match(String(api.headers['strict-transport-security']), /max-age=/);
      for (const pageOnly of [
        'cross-origin-opener-policy',
        'origin-agent-cluster',
        'x-dns-prefetch-control',
        'referrer-policy',
      ]) {
        assert.equal(api.headers[pageOnly], undefined, `${pageOnly} on a JSON response`);
      }
      // Without an Origin header (not a cross-origin browser request) there is nothing for CORS to say.
      assert.equal(api.headers['access-control-allow-credentials'], undefined);
      assert.equal(api.headers['access-control-expose-headers'], undefined);

      for (const url of ['/api/v1/docs/', '/health']) {
        const page = await t.app.inject({ method: 'GET', url });
        assert.match(String(page.headers['content-security-policy']), /default-src 'self'/, url);
        assert.equal(page.headers['x-frame-options'], 'SAMEORIGIN', url);
        assert.equal(page.headers['cross-origin-opener-policy'], 'same-origin', url);
      }
    });

    test('/health and /ready report up', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
      const ready = await t.app.inject({ method: 'GET', url: '/ready' });
      assert.equal(ready.statusCode, 200);
      assert.equal(json<any>(ready).checks.database.status, 'up');
      if (process.env.REDIS_URL) assert.equal(json<any>(ready).checks.redis.status, 'up');
    });
  });
}

describe('uncaught errors', () => {
  test('a failing dependency gives a 500 envelope with request id and no stack', async () => {
    const t = await startTestApp('pglite');
    const user = await registerUser(t.app);
    await t.platform.database.close();
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/users/${user.user.id}` });
    assert.equal(response.statusCode, 500);
    const body = json(response);
    assert.equal(body.error.code, 'INTERNAL_ERROR');
    assert.ok(body.error.requestId);
    assert.doesNotMatch(response.body, /at .*\.ts:\d+/);
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    assert.equal(ready.statusCode, 503);
    await t.close();
  });
});
