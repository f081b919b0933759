import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';

/** How the seed reports its phases; the CLI draws bars, tests and benchmarks stay quiet or log lines. */
export interface SeedProgress {
  phase(name: string, total: number, unit: string): PhaseProgress;
  /** Releases the terminal (bars, cursor) at the end of the run. */
  close(): void;
}

export interface PhaseProgress {
  advance(amount: number): void;
  /** Ends the phase; `note` is appended to its line. */
  done(note?: string): void;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const formatCount = (value: number) => value.toLocaleString('en-US');

/**
 * A progress bar per running phase on stderr when it is a terminal (phases can run side by side, so
 * they share one multi-bar), and a line per finished phase; when stderr is not a terminal, only the
 * lines (logs and CI stay readable).
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): SeedProgress {
  if (!stream.isTTY) return lineProgress((line) => stream.write(`${line}\n`));
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: '{phase} [{bar}] {percentage}% | {value}/{total} {unit} | {duration_formatted}',
      formatValue: (value, _options, type) =>
        type === 'value' || type === 'total' ? formatCount(value) : String(value),
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    close: () => bars.stop(),
    phase(name, total, unit) {
      const started = performance.now();
      const bar = bars.create(Math.max(total, 1), 0, { phase: name.padEnd(14), unit });
      return {
        advance: (amount) => bar.increment(amount),
        done: (note) => {
          bars.remove(bar);
          bars.log(`${name}: ${formatCount(total)} ${unit} in ${seconds(started)}${note ? ` (${note})` : ''}\n`);
        },
      };
    },
  };
}

/** One line per finished phase through `write`. */
export function lineProgress(write: (line: string) => void): SeedProgress {
  return {
    close: () => undefined,
    phase(name, total, unit) {
      const started = performance.now();
      return {
        advance: () => undefined,
        done: (note) =>
          write(`${name}: ${formatCount(total)} ${unit} in ${seconds(started)}${note ? ` (${note})` : ''}`),
      };
    },
  };
}

export const silentProgress: SeedProgress = {
  close: () => undefined,
  phase: () => ({ advance: () => undefined, done: () => undefined }),
};
