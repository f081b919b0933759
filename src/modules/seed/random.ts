import { createHash } from 'node:crypto';

/**
 * A small, fast, seeded PRNG (sfc32) and the distributions the generator draws from. Every phase of
 * the generator takes its own stream (`new Random(seed, 'videos')`), so what one phase draws never
 * shifts another's numbers: the same options always give the same catalogue.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    const digest = createHash('sha256').update(`${seed}:${stream}`).digest();
    this.a = digest.readUInt32LE(0);
    this.b = digest.readUInt32LE(4);
    this.c = digest.readUInt32LE(8);
    this.d = digest.readUInt32LE(12);
    for (let n = 0; n < 12; n += 1) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** exp(N(mu, sigma)): heavy right tail, median e^mu. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /**
   * `count` distinct integers from [0, size), never `exclude`, in random order. Floyd's algorithm for
   * small samples (O(count)); a partial shuffle of the whole range for large ones.
   */
  sampleDistinct(size: number, count: number, exclude = -1): number[] {
    const available = exclude >= 0 && exclude < size ? size - 1 : size;
    const wanted = Math.min(count, available);
    if (wanted <= 0) return [];
    // Draw from [0, available) and map past the excluded value.
    const map = (value: number) => (exclude >= 0 && value >= exclude ? value + 1 : value);
    if (wanted * 4 > available) {
      const all = new Int32Array(available);
      for (let i = 0; i < available; i += 1) all[i] = i;
      const out: number[] = new Array(wanted);
      for (let i = 0; i < wanted; i += 1) {
        const j = i + Math.floor(this.next() * (available - i));
        const value = all[j]!;
        all[j] = all[i]!;
        all[i] = value;
        out[i] = map(value);
      }
      return out;
    }
    const chosen = new Set<number>();
    const out: number[] = [];
    for (let j = available - wanted; j < available; j += 1) {
      const t = Math.floor(this.next() * (j + 1));
      const value = chosen.has(t) ? j : t;
      chosen.add(value);
      out.push(map(value));
    }
    return this.shuffle(out);
  }
}

/** Picks indexes in proportion to weights (binary search over the cumulative sums). */
export class WeightedPicker {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i += 1) {
      sum += weights[i]!;
      this.cumulative[i] = sum;
    }
  }

  pick(random: Random): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

/** The kinds of row with a generated uuid; the number is part of the id. */
export const ID_KINDS = { user: 1, video: 2, comment: 3 } as const;
export type IdKind = keyof typeof ID_KINDS;

/**
 * Deterministic ids: `SSSSSSSS-SSSS-4KKK-8III-IIIIIIIIIIII`, where S is derived from the seed, K is the
 * kind and I the row's index (60 bits). Same seed, same ids, so a re-run meets its own rows (`on
 * conflict do nothing`); and one seed's rows of one kind form a contiguous uuid range (`seedIdRange`).
 */
export class SeedIds {
  private readonly namespace: string;

  constructor(seed: number) {
    const hex = createHash('sha256').update(`streamhub-seed:${seed}`).digest('hex');
    this.namespace = `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
  }

  id(kind: IdKind, index: number): string {
    const hex = index.toString(16).padStart(15, '0');
    return `${this.namespace}-4${ID_KINDS[kind].toString(16).padStart(3, '0')}-8${hex.slice(0, 3)}-${hex.slice(3)}`;
  }

  /** Inclusive bounds of every id of one kind under this seed (for `id between … and …`). */
  range(kind: IdKind): [string, string] {
    const prefix = `${this.namespace}-4${ID_KINDS[kind].toString(16).padStart(3, '0')}`;
    return [`${prefix}-8000-000000000000`, `${prefix}-8fff-ffffffffffff`];
  }
}
