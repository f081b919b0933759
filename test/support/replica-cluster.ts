import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL primary and its streaming replica (pg_basebackup) on free ports, for replica tests. */
export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  /** Runs SQL on the replica (e.g. ALTER SYSTEM to inject apply delay). */
  replicaSql(statement: string): void;
  /** Runs SQL on the primary (e.g. ALTER SYSTEM to turn synchronous commit off). */
  primarySql(statement: string): void;
  stopReplica(): void;
  startReplica(): void;
  destroy(): void;
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const bin = versions
    .map((version) => join(root, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'pg_basebackup')));
  return bin;
}

/** Why replica tests cannot run here, or undefined when they can. */
export function replicaClusterUnavailable(): string | undefined {
  if (!postgresBin()) return 'PostgreSQL server binaries (initdb, pg_basebackup) are not installed';
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root without a postgres account to run the servers as';
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const bin = postgresBin()!;
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, program),
      asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args,
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  const dir = mkdtempSync(join(tmpdir(), 'streamhub-replica-'));
  chmodSync(dir, 0o777);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  run('initdb', ['-D', primary, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  appendFileSync(
    join(primary, 'postgresql.conf'),
    `port = ${primaryPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\nwal_level = replica\n`,
  );
  const pgCtl = (dataDir: string, action: string, ...extra: string[]) =>
    run('pg_ctl', ['-D', dataDir, '-l', `${dataDir}.log`, '-w', ...extra, action]);
  pgCtl(primary, 'start');
  run('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    replica,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  appendFileSync(join(replica, 'postgresql.conf'), `port = ${replicaPort}\nhot_standby = on\n`);
  pgCtl(replica, 'start');
  const psql = (port: number, statement: string) =>
    run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-qAtc', statement]);
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    replicaSql: (statement) => void psql(replicaPort, statement),
    primarySql: (statement) => void psql(primaryPort, statement),
    stopReplica: () => void pgCtl(replica, 'stop', '-m', 'immediate'),
    startReplica: () => void pgCtl(replica, 'start'),
    destroy: () => {
      for (const dataDir of [replica, primary]) {
        try {
          pgCtl(dataDir, 'stop', '-m', 'immediate');
        } catch {
          // Already stopped (the test stopped it).
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
