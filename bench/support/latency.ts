// Latency sampling shared by the benchmarks: time a call N times and read its percentiles.

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Runs `run` one call at a time, so each sample is one call's latency and not a queue's. */
export async function timeEach(count: number, run: (index: number) => Promise<unknown>): Promise<Latency> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await run(index);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

/** Milliseconds with two decimals below 10 ms, one above. */
export const ms = (value: number): string => value.toFixed(value < 10 ? 2 : 1);
