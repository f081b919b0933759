// Setting the scene for a browser test through the API (in-process, no network): the call must succeed,
// and its envelope's data comes back.
import assert from 'node:assert/strict';
import { bearer, json, type TestApp } from '../../support/app.ts';

/** `api('POST', '/courses', token, body)` → the created course; fails the test on any status ≥ 300. */
export const apiCalls =
  (t: TestApp) => async (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(token),
      ...(payload ? { payload } : {}),
    });
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
    return json(response).data;
  };
