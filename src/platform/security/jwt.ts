import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Role } from '../db/schema.ts';

export interface AccessClaims {
  userId: string;
  role: Role;
}

export class InvalidTokenError extends Error {
  constructor(public readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'Access token expired' : 'Access token invalid');
  }
}

/** HS256 access tokens; verification pins the algorithm so `alg: none` or RS/HS confusion cannot pass. */
export class AccessTokenSigner {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: AccessClaims): Promise<{ token: string; expiresIn: number }> {
    const token = await new SignJWT({ role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    return { token, expiresIn: this.ttlSeconds };
  }

  /**
   * Tokens verified already, until their expiry: a token's signature and claims never change, so a
   * repeat (every request of a signed-in client) skips the HMAC, which costs WebCrypto's async round
   * trip (~12 % of a like toggle's CPU). Bounded; the oldest entries go first.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  async verify(token: string): Promise<AccessClaims> {
    const known = this.verifiedBefore(token);
    if (known) return known;
    const { claims, expiresAt } = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { claims, expiresAt });
    return claims;
  }

  /**
   * The claims of a token this signer verified before and that has not expired since, without waiting:
   * the hot path of every signed-in request. Undefined means "call verify".
   */
  verifiedBefore(token: string): AccessClaims | undefined {
    const known = this.verified.get(token);
    if (!known) return undefined;
    if (Date.now() < known.expiresAt) return { ...known.claims };
    this.verified.delete(token);
    return undefined;
  }

  private async verifySignature(token: string): Promise<{ claims: AccessClaims; expiresAt: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      const role = payload.role;
      if (!payload.sub || (role !== 'viewer' && role !== 'creator' && role !== 'admin'))
        throw new InvalidTokenError('invalid');
      // jose rejects a token at its `exp` second (now >= exp); without `exp` a token is not cached.
      const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
      return { claims: { userId: payload.sub, role }, expiresAt };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
    }
  }
}

/** Verified access tokens kept per signer (~300 bytes each). */
const VERIFIED_CACHE_SIZE = 10_000;
