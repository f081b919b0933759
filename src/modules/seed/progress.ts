import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';

/** How the seed reports its phases; the CLI draws bars, tests and benchmarks stay quiet or log lines. */
export interface SeedProgress {
  phase(name: string, total: number, unit: string): PhaseProgress;
}

export interface PhaseProgress {
  advance(amount: number): void;
  /** Ends the phase; `note` is appended to its line. */
  done(note?: string): void;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const formatCount = (value: number) => value.toLocaleString('en-US');

/**
 * A progress bar per phase on stderr when it is a terminal; otherwise one line per finished phase
 * (logs and CI stay readable).
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): SeedProgress {
  if (!stream.isTTY) return lineProgress((line) => stream.write(`${line}\n`));
  return {
    phase(name, total, unit) {
      const started = performance.now();
      const bar = new cliProgress.SingleBar({
        stream,
        format: `${name.padEnd(16)} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration_formatted}`,
        formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? formatCount(value) : String(value)),
        hideCursor: true,
        clearOnComplete: true,
        barsize: 30,
      }, cliProgress.Presets.shades_classic);
      bar.start(Math.max(total, 1), 0);
      return {
        advance: (amount) => bar.increment(amount),
        done: (note) => {
          bar.stop();
          stream.write(`${name}: ${formatCount(total)} ${unit} in ${seconds(started)}${note ? ` (${note})` : ''}\n`);
        },
      };
    },
  };
}

/** One line per finished phase through `write`. */
export function lineProgress(write: (line: string) => void): SeedProgress {
  return {
    phase(name, total, unit) {
      const started = performance.now();
      return {
        advance: () => undefined,
        done: (note) => write(`${name}: ${formatCount(total)} ${unit} in ${seconds(started)}${note ? ` (${note})` : ''}`),
      };
    },
  };
}

export const silentProgress: SeedProgress = {
  phase: () => ({ advance: () => undefined, done: () => undefined }),
};
