import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { hashPassword } from '../../platform/security/passwords.ts';
import { userRepo } from './repo.ts';

for (const kind of testDatabaseKinds()) {
  describe(`users on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    const put = (id: string, token: string, payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/users/${id}`, headers: bearer(token), payload });

    test('public profile never leaks email or hashes', async () => {
      const user = await registerUser(t.app);
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/users/${user.user.id}` });
      assert.equal(response.statusCode, 200);
      const profile = json(response).data;
      assert.deepEqual(Object.keys(profile).sort(), ['avatarUrl', 'bio', 'createdAt', 'id', 'role', 'username']);
      assert.doesNotMatch(response.body, /@example\.com|scrypt/);
    });

    test('unknown user is a 404 envelope', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/users/00000000-0000-4000-8000-000000000000' });
      assert.equal(response.statusCode, 404);
      assert.equal(json(response).error.code, 'NOT_FOUND');
    });

    test('owners edit their profile; others cannot; bad values are refused', async () => {
      const owner = await registerUser(t.app);
      const stranger = await registerUser(t.app);
      const edited = await put(owner.user.id, owner.accessToken, {
        bio: 'I film birds',
        avatarUrl: 'https://cdn.example.com/me.png',
        username: 'bird_filmer',
      });
      assert.equal(edited.statusCode, 200);
      assert.equal(json(edited).data.username, 'bird_filmer');
      assert.equal((await put(owner.user.id, stranger.accessToken, { bio: 'hacked' })).statusCode, 403);
      assert.equal(
        (await t.app.inject({ method: 'PUT', url: `/api/v1/users/${owner.user.id}`, payload: { bio: 'x' } }))
          .statusCode,
        401,
      );
      const badUrl = await put(owner.user.id, owner.accessToken, { avatarUrl: 'javascript:alert(1)' });
      assert.equal(badUrl.statusCode, 400);
      assert.equal(json(badUrl).error.details[0].field, 'avatarUrl');
      const taken = await put(stranger.user.id, stranger.accessToken, { username: 'BIRD_FILMER' });
      assert.equal(taken.statusCode, 409);
    });

    test('roles: a viewer may open a channel, never self-promote to admin; an admin may change anyone', async () => {
      const viewer = await registerUser(t.app);
      assert.equal((await put(viewer.user.id, viewer.accessToken, { role: 'admin' })).statusCode, 403);
      assert.equal(json(await put(viewer.user.id, viewer.accessToken, { role: 'creator' })).data.role, 'creator');

      const admin = await userRepo.insert(t.platform.database.db, {
        username: `admin_${Date.now()}`,
        email: `admin_${Date.now()}@example.com`,
        passwordHash: await hashPassword('an admin passphrase 1'),
        role: 'admin',
      });
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: admin.email, password: 'an admin passphrase 1' },
      });
      const adminToken = json(login).data.accessToken as string;
      assert.equal(json(await put(viewer.user.id, adminToken, { role: 'viewer' })).data.role, 'viewer');
      const mail = await t.app.inject({ method: 'GET', url: '/api/v1/admin/mail', headers: bearer(adminToken) });
      assert.equal(mail.statusCode, 200);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/v1/admin/mail', headers: bearer(viewer.accessToken) }))
          .statusCode,
        403,
      );
    });
  });
}
