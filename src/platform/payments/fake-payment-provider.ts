import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PaymentDeclinedError, type Charge, type ChargeRequest, type PaymentProvider } from './payment-provider.ts';

/**
 * A payment processor in memory, for tests and demos: it behaves by the token the checkout sends, like
 * a processor's test cards do.
 *   tok_ok       succeeds (also any token starting with `tok_ok`)
 *   tok_decline  is declined
 *   tok_timeout  never answers (until the caller's deadline aborts it)
 *   tok_slow_<ms> answers after <ms> milliseconds
 * Charges are idempotent by key and refundable, and the provider keeps what it did for tests to check.
 */
export class FakePaymentProvider implements PaymentProvider {
  readonly name = 'fake';
  private readonly charges = new Map<string, Charge & { refunded: boolean }>();

  async charge(request: ChargeRequest, signal: AbortSignal): Promise<Charge> {
    const earlier = this.charges.get(request.idempotencyKey);
    if (earlier) return earlier;
    const token = request.paymentToken;
    if (token === 'tok_decline') throw new PaymentDeclinedError('The card was declined');
    if (token === 'tok_timeout') await sleep(2 ** 31 - 1, undefined, { signal });
    const slow = /^tok_slow_(\d{1,6})$/.exec(token);
    if (slow) await sleep(Number(slow[1]), undefined, { signal });
    else if (!token.startsWith('tok_ok')) throw new PaymentDeclinedError('Unknown payment token');
    signal.throwIfAborted();
    const charge = { id: `ch_${randomUUID()}`, amountCents: request.amountCents, currency: request.currency };
    this.charges.set(request.idempotencyKey, { ...charge, refunded: false });
    return charge;
  }

  async refund(idempotencyKey: string): Promise<boolean> {
    const charge = this.charges.get(idempotencyKey);
    if (!charge || charge.refunded) return false;
    charge.refunded = true;
    return true;
  }

  /** What was charged with this key (tests). */
  chargeFor(idempotencyKey: string): (Charge & { refunded: boolean }) | undefined {
    return this.charges.get(idempotencyKey);
  }
}

/** The configured provider; only the fake exists until a real processor is wired. */
export function createPaymentProvider(kind: 'fake'): PaymentProvider {
  switch (kind) {
    case 'fake':
      return new FakePaymentProvider();
  }
}
