import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const SERVE_TARGET = fileURLToPath(new URL('./serve-target.ts', import.meta.url));

export type TargetMode = 'bare' | 'bare-pg' | 'bare-like' | 'bare-put' | 'real';

export interface TargetProcess {
  mode: TargetMode;
  pid: number;
  port: number;
  baseUrl: string;
  /** CPU time the target process has used so far (microseconds, like process.cpuUsage()). */
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  /** SIGTERM, then SIGKILL if it has not exited after a grace period. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartTargetOptions {
  /** The child's whole environment (it is not merged with process.env). */
  env: NodeJS.ProcessEnv;
  /** When set, the child runs with --cpu-prof and writes its profile here on exit. */
  cpuProfDir?: string;
  /** Node flags for the child, e.g. scaleModeNodeFlags() for a server measured as scale mode deploys it. */
  nodeFlags?: string[];
  startTimeoutMs?: number;
}

const live = new Set<TargetProcess>();

/** The n-th target's BENCH_TARGET_PORT when BENCH_BASE_PORT is set (targets then listen on consecutive ports). */
export function targetPort(n: number): { BENCH_TARGET_PORT?: string } {
  const base = process.env.BENCH_BASE_PORT;
  return base ? { BENCH_TARGET_PORT: String(Number(base) + n) } : {};
}

/** Stops every target still running (for the parent's SIGINT handler and `finally` blocks). */
export async function stopAllTargets(): Promise<void> {
  await Promise.all([...live].map((target) => target.stop()));
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  let timer: NodeJS.Timeout | undefined;
  const exited = await Promise.race([
    once(child, 'exit').then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return exited;
}

/**
 * Spawns `node --import tsx bench/support/serve-target.ts <mode>` and resolves once it prints its
 * port. The child's other stdout lines (e.g. warn-level logs) are forwarded to stderr.
 */
export async function startTarget(mode: TargetMode, options: StartTargetOptions): Promise<TargetProcess> {
  const nodeArgs = [
    ...(options.nodeFlags ?? []),
    ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
  ];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', SERVE_TARGET, mode], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  if (!child.pid || !child.stdout) throw new Error(`could not spawn the ${mode} target`);
  const pid = child.pid;

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${mode} target did not start within ${options.startTimeoutMs ?? 180_000} ms`));
    }, options.startTimeoutMs ?? 180_000);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new Error(`${mode} target exited before listening (code ${code}, signal ${signal})`));
    };
    child.once('exit', onExit);
    let ready = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^PORT=(\d+)$/.exec(line);
      if (!ready && match) {
        ready = true;
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(Number(match[1]));
      } else {
        process.stderr.write(`[${mode} target] ${line}\n`);
      }
    });
  });

  let stopping: Promise<void> | undefined;
  const target: TargetProcess = {
    mode,
    pid,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    cpuUsage: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error('no cpu answer'));
        }, 5000);
        const onMessage = (message: { type?: string; usage?: NodeJS.CpuUsage }) => {
          if (message?.type !== 'cpu' || !message.usage) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message.usage);
        };
        child.on('message', onMessage);
        child.send({ type: 'cpu' });
      }),
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          if (!(await waitForExit(child, 15_000))) {
            child.kill('SIGKILL');
            await waitForExit(child, 5000);
          }
        }
        live.delete(target);
      })();
      return stopping;
    },
  };
  live.add(target);
  return target;
}
