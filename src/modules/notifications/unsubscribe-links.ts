import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeTarget {
  userId: string;
  kind: string;
}

/**
 * One-click unsubscribe links: `user`, `kind` (or `all`) and an HMAC of both, so the link works
 * without signing in and cannot be altered to unsubscribe someone else or from something else. The
 * links do not expire: an old mail's link must still work (RFC 8058 expects that).
 */
export class UnsubscribeLinks {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly publicBaseUrl: string,
  ) {
    // A key of its own, so this signature can never double as a token or a media URL signature.
    this.key = createHmac('sha256', secret).update('streamhub unsubscribe links v1').digest();
  }

  signature(target: UnsubscribeTarget): string {
    return createHmac('sha256', this.key).update(`${target.userId}\n${target.kind}`).digest('base64url');
  }

  verify(target: UnsubscribeTarget, signature: string): boolean {
    const expected = Buffer.from(this.signature(target));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private query(target: UnsubscribeTarget): string {
    return new URLSearchParams({ user: target.userId, kind: target.kind, sig: this.signature(target) }).toString();
  }

  /** The page a person opens from the mail body (it asks before unsubscribing; mail scanners open links). */
  pageUrl(target: UnsubscribeTarget): string {
    return `${this.publicBaseUrl}/unsubscribe?${this.query(target)}`;
  }

  /** The API endpoint for the List-Unsubscribe header; mail clients POST to it (List-Unsubscribe-Post). */
  oneClickUrl(target: UnsubscribeTarget): string {
    return `${this.publicBaseUrl}/api/v1/notifications/unsubscribe?${this.query(target)}`;
  }

  headers(target: UnsubscribeTarget): Record<string, string> {
    return {
      'List-Unsubscribe': `<${this.oneClickUrl(target)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
  }
}
