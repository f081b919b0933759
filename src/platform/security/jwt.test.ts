import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessTokenSigner, InvalidTokenError } from './jwt.ts';

describe('access tokens', () => {
  test('a verified token verifies again from the cache until it expires, then answers "expired"', async (t) => {
    const signer = new AccessTokenSigner('a-secret-of-enough-length-for-hs256!', 2);
    const { token } = await signer.sign({ userId: 'u1', role: 'creator' });
    assert.deepEqual(await signer.verify(token), { userId: 'u1', role: 'creator' });
    assert.deepEqual(await signer.verify(token), { userId: 'u1', role: 'creator' });

    t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 3000 });
    await assert.rejects(signer.verify(token), (error: unknown) => {
      assert.ok(error instanceof InvalidTokenError);
      assert.equal(error.reason, 'expired');
      return true;
    });
  });

  test('a tampered or foreign token is refused, even when a genuine one is cached', async () => {
    const signer = new AccessTokenSigner('a-secret-of-enough-length-for-hs256!', 60);
    const other = new AccessTokenSigner('another-secret-of-enough-length-here', 60);
    const { token } = await signer.sign({ userId: 'u1', role: 'viewer' });
    await signer.verify(token);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'u1', role: 'admin', exp: 4e9 })).toString('base64url')}.${signature}`;
    await assert.rejects(signer.verify(forged), InvalidTokenError);
    await assert.rejects(signer.verify((await other.sign({ userId: 'u2', role: 'admin' })).token), InvalidTokenError);
  });
});
