import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

for (const kind of testDatabaseKinds()) {
  describe(`auth on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: `/api/v1/auth${url}`, payload: payload as object, headers });

    test('register, login, me, refresh and logout work end to end', async () => {
      const registered = await registerUser(t.app, { username: 'journey_user', email: 'journey@example.com' });
      assert.equal(registered.user.role, 'viewer');

      const login = await post('/login', { email: 'JOURNEY@example.com', password: registered.password });
      assert.equal(login.statusCode, 200);
      const session = json(login).data;
      assert.equal(session.tokenType, 'Bearer');

      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(session.accessToken) });
      assert.equal(me.statusCode, 200);
      assert.equal(json(me).data.email, 'journey@example.com');

      const refreshed = await post('/refresh', { refreshToken: session.refreshToken });
      assert.equal(refreshed.statusCode, 200);
      const next = json(refreshed).data;
      assert.notEqual(next.refreshToken, session.refreshToken);

      assert.equal((await post('/logout', { refreshToken: next.refreshToken })).statusCode, 200);
      const afterLogout = await post('/refresh', { refreshToken: next.refreshToken });
      assert.equal(afterLogout.statusCode, 401);
    });

    test('login also accepts the username, and wrong passwords get one vague 401', async () => {
      const user = await registerUser(t.app);
      assert.equal((await post('/login', { email: user.user.username, password: user.password })).statusCode, 200);
      const wrong = await post('/login', { email: user.user.email, password: 'not the password' });
      const unknown = await post('/login', { email: 'nobody@example.com', password: 'not the password' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(json(wrong).error.message, json(unknown).error.message);
    });

    test('duplicate email or username is a 409 naming the field, case-insensitively', async () => {
      const user = await registerUser(t.app);
      const sameEmail = await post('/register', {
        username: 'other_name_1',
        email: user.user.email.toUpperCase(),
        password: 'a sturdy passphrase 42',
      });
      assert.equal(sameEmail.statusCode, 409);
      assert.equal(json(sameEmail).error.details[0].field, 'email');
      const sameName = await post('/register', {
        username: user.user.username.toUpperCase(),
        email: 'fresh@example.com',
        password: 'a sturdy passphrase 42',
      });
      assert.equal(sameName.statusCode, 409);
      assert.equal(json(sameName).error.details[0].field, 'username');
    });

    test('weak, huge and personal passwords are refused with field details', async () => {
      for (const password of ['short1', 'password123', 'aaaaaaaaaaaa', 'x'.repeat(129), 'my_name_here_99']) {
        const response = await post('/register', { username: 'my_name_here', email: 'weak@example.com', password });
        assert.equal(response.statusCode, 400, password);
        assert.equal(json(response).error.details[0].field, 'password');
      }
    });

    test('malformed bodies get precise 4xx answers, never 500', async () => {
      const badJson = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: '{"email":',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(badJson.statusCode, 400);
      assert.equal(json(badJson).error.code, 'INVALID_JSON');
      const wrongType = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: 'email=a',
        headers: { 'content-type': 'text/plain' },
      });
      assert.equal(wrongType.statusCode, 415);
      const extra = await post('/register', {
        username: 'valid_name',
        email: 'valid@example.com',
        password: 'a sturdy passphrase 42',
        isAdmin: true,
      });
      assert.equal(extra.statusCode, 400);
      const selfAdmin = await post('/register', {
        username: 'valid_name',
        email: 'valid@example.com',
        password: 'a sturdy passphrase 42',
        role: 'admin',
      });
      assert.equal(selfAdmin.statusCode, 400);
      assert.equal(json(selfAdmin).error.details[0].field, 'role');
    });

    test('SQL-looking input is stored verbatim and harmless', async () => {
      const username = "r0bert');drop";
      const bad = await post('/register', { username, email: 'bobby@example.com', password: 'a sturdy passphrase 42' });
      assert.equal(bad.statusCode, 400, 'username charset refuses quotes');
      const user = await registerUser(t.app);
      const bio = "'; DROP TABLE users; --";
      const updated = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/users/${user.user.id}`,
        headers: bearer(user.accessToken),
        payload: { bio },
      });
      assert.equal(json(updated).data.bio, bio);
      const profile = await t.app.inject({ method: 'GET', url: `/api/v1/users/${user.user.id}` });
      assert.equal(json(profile).data.bio, bio);
    });

    test('missing, expired, forged and alg:none tokens are refused', async () => {
      const user = await registerUser(t.app);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode, 401);

      const key = new TextEncoder().encode(t.platform.jwtSecret);
      const expired = await new SignJWT({ role: 'viewer' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.user.id)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(key);
      const expiredResponse = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(expired) });
      assert.equal(expiredResponse.statusCode, 401);
      assert.equal(json(expiredResponse).error.code, 'TOKEN_EXPIRED');

      const forged = await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.user.id)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('x'.repeat(48)));
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(forged) })).statusCode,
        401,
      );

      const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: user.user.id, role: 'admin', exp: Math.floor(Date.now() / 1000) + 600 })}.`;
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(none) })).statusCode,
        401,
      );

      const [header, , signature] = user.accessToken.split('.');
      const tampered = `${header}.${base64url({ sub: user.user.id, role: 'admin', exp: Math.floor(Date.now() / 1000) + 600 })}.${signature}`;
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(tampered) })).statusCode,
        401,
      );
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Basic abc' } }))
          .statusCode,
        401,
      );
    });

    test('reusing a rotated refresh token revokes the whole family', async () => {
      const user = await registerUser(t.app);
      const first = json(await post('/refresh', { refreshToken: user.refreshToken })).data;
      const reuse = await post('/refresh', { refreshToken: user.refreshToken });
      assert.equal(reuse.statusCode, 401);
      assert.equal(json(reuse).error.code, 'REFRESH_TOKEN_REUSED');
      // The legitimate-looking newer token of the same family is dead too.
      assert.equal((await post('/refresh', { refreshToken: first.refreshToken })).statusCode, 401);
    });

    test('two concurrent refreshes with one token: at most one wins', async () => {
      const user = await registerUser(t.app);
      const results = await Promise.all([1, 2].map(() => post('/refresh', { refreshToken: user.refreshToken })));
      assert.ok(results.filter((response) => response.statusCode === 200).length <= 1);
    });

    test('forgot/reset password: mail kept in the embedded mailbox, token single-use, sessions revoked', async () => {
      const user = await registerUser(t.app);
      const forgot = await post('/forgot-password', { email: user.user.email });
      assert.equal(forgot.statusCode, 202);
      assert.equal((await post('/forgot-password', { email: 'ghost@example.com' })).statusCode, 202);

      const mail = await t.platform.database.db
        .selectFrom('mail_messages')
        .selectAll()
        .where('to_address', '=', user.user.email)
        .execute();
      assert.equal(mail.length, 1);
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail[0]!.text_body)?.[1];
      assert.ok(token);

      const refused = await post('/reset-password', { token, password: 'weak' });
      assert.equal(refused.statusCode, 400, 'a weak new password is refused without spending the link');
      const freshToken = token;
      const reset = await post('/reset-password', { token: freshToken, password: 'a brand new passphrase 7' });
      assert.equal(reset.statusCode, 200);
      assert.equal(
        (await post('/reset-password', { token: freshToken, password: 'another new passphrase 8' })).statusCode,
        401,
      );
      assert.equal(
        (await post('/refresh', { refreshToken: user.refreshToken })).statusCode,
        401,
        'old sessions are gone',
      );
      assert.equal(
        (await post('/login', { email: user.user.email, password: 'a brand new passphrase 7' })).statusCode,
        200,
      );
      assert.equal((await post('/login', { email: user.user.email, password: user.password })).statusCode, 401);
    });

    test('change password: the current one proves it, weak or unchanged ones are refused on their field, every other session ends, a notice is mailed', async () => {
      const user = await registerUser(t.app);
      const elsewhere = json(await post('/login', { email: user.user.email, password: user.password })).data;
      const change = (body: object, token = user.accessToken) => post('/change-password', body, bearer(token));
      const fieldOf = (response: Awaited<ReturnType<typeof post>>) => {
        assert.equal(response.statusCode, 400, response.body);
        return json(response).error.details.map((detail: { field: string }) => detail.field);
      };
      const fresh = 'a brand new passphrase 7';
      assert.equal(
        (await post('/change-password', { currentPassword: user.password, newPassword: fresh })).statusCode,
        401,
      );
      assert.deepEqual(fieldOf(await change({ currentPassword: 'not it at all 99', newPassword: fresh })), [
        'currentPassword',
      ]);
      assert.deepEqual(fieldOf(await change({ currentPassword: user.password, newPassword: user.password })), [
        'newPassword',
      ]);
      assert.deepEqual(fieldOf(await change({ currentPassword: user.password, newPassword: 'password1' })), [
        'newPassword',
      ]);
      assert.equal((await change({ currentPassword: user.password, newPassword: fresh, extra: 1 })).statusCode, 400);

      const changed = await change({ currentPassword: user.password, newPassword: fresh });
      assert.equal(changed.statusCode, 200, changed.body);
      const session = json(changed).data;
      assert.equal(session.user.id, user.user.id);
      for (const old of [user.refreshToken, elsewhere.refreshToken])
        assert.equal((await post('/refresh', { refreshToken: old })).statusCode, 401, 'earlier sessions are gone');
      assert.equal((await post('/refresh', { refreshToken: session.refreshToken })).statusCode, 200);
      assert.equal((await post('/login', { email: user.user.email, password: user.password })).statusCode, 401);
      assert.equal((await post('/login', { email: user.user.email, password: fresh })).statusCode, 200);
      const notice = await t.platform.database.db
        .selectFrom('mail_messages')
        .select(['subject', 'text_body'])
        .where('to_address', '=', user.user.email)
        .executeTakeFirstOrThrow();
      assert.equal(notice.subject, 'Your StreamHub password was changed');
      assert.match(notice.text_body, /\/forgot-password/);
    });

    test('expired reset tokens are refused', async () => {
      const user = await registerUser(t.app);
      await post('/forgot-password', { email: user.user.email });
      await t.platform.database.db
        .updateTable('password_reset_tokens')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .execute();
      const mail = await t.platform.database.db
        .selectFrom('mail_messages')
        .selectAll()
        .where('to_address', '=', user.user.email)
        .executeTakeFirstOrThrow();
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1];
      assert.equal((await post('/reset-password', { token, password: 'a brand new passphrase 7' })).statusCode, 401);
    });
  });

  describe(`auth rate limits on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { RATE_LIMIT_LOGIN_PER_MINUTE: '5', RATE_LIMIT_REGISTER_PER_HOUR: '3' });
    });
    after(async () => {
      await t.close();
    });

    test('login is limited per IP and answers 429 with Retry-After', async () => {
      const ip = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: ip,
          payload: { email: 'x@example.com', password: 'whatever it is' },
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) {
          assert.ok(Number(response.headers['retry-after']) > 0);
          assert.equal(json(response).error.code, 'RATE_LIMITED');
        }
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
      const otherIp = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { email: 'x@example.com', password: 'whatever it is' },
      });
      assert.equal(otherIp.statusCode, 401);
    });

    test('register is limited to 3 per hour per IP', async () => {
      const ip = `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const unique = `${Date.now().toString(36)}${attempt}${Math.random().toString(36).slice(2, 6)}`;
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/register',
          remoteAddress: ip,
          payload: { username: `rl_${unique}`, email: `rl_${unique}@example.com`, password: 'a sturdy passphrase 42' },
        });
        statuses.push(response.statusCode);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429]);
    });
  });
}
