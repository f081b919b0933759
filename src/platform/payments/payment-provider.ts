/**
 * The payments port: StreamHub charges through a `PaymentProvider` and never talks to a processor
 * directly. Only a fake provider exists so far (no real processor is wired yet); a real one implements
 * this interface and is chosen by PAYMENT_PROVIDER.
 */

export interface ChargeRequest {
  /** The same key charges once: a retry after a timeout answers the first charge instead of a second. */
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  customerId: string;
  description: string;
  /** What the client's checkout produced (a card token from the processor's widget). */
  paymentToken: string;
}

export interface Charge {
  id: string;
  amountCents: number;
  currency: string;
}

/** The processor said no (declined card, insufficient funds): retrying the same token will not help. */
export class PaymentDeclinedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentDeclinedError';
  }
}

/** No answer in time: the charge may or may not have happened, so the caller refunds by key to be sure. */
export class PaymentTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the payment provider did not answer within ${timeoutMs} ms`);
    this.name = 'PaymentTimeoutError';
  }
}

export interface PaymentProvider {
  readonly name: string;
  /** Charges once per idempotency key; aborts (rejects) when `signal` fires. */
  charge(request: ChargeRequest, signal: AbortSignal): Promise<Charge>;
  /** Refunds the charge made with this key; a no-op (false) when there was none or it was refunded. */
  refund(idempotencyKey: string): Promise<boolean>;
}

/** Runs a charge with a deadline: the provider's call is aborted and PaymentTimeoutError thrown when it passes. */
export async function chargeWithTimeout(
  provider: PaymentProvider,
  request: ChargeRequest,
  timeoutMs: number,
): Promise<Charge> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new PaymentTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([provider.charge(request, controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
