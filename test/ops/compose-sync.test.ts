import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.ts';
import { scaleModeNodeFlags } from '../../bench/support/scale-node-options.ts';

/**
 * ops/docker-compose.yml is the container version of scripts/cluster.sh: same processes, same
 * environment for StreamHub, same configuration templates (ops/cluster/). This test fails when one
 * moves without the other.
 */
interface ComposeService {
  command?: string | string[];
  environment?: Record<string, string>;
  volumes?: string[];
}

const compose = parse(readFileSync('ops/docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const clusterScript = readFileSync('scripts/cluster.sh', 'utf8');

/** The variable names scripts/cluster.sh gives every StreamHub process (its app_env heredoc). */
function clusterEnvKeys(): string[] {
  const body = clusterScript.slice(
    clusterScript.indexOf('cat <<ENV') + 'cat <<ENV'.length,
    clusterScript.indexOf('\nENV\n'),
  );
  return body
    .split('\n')
    .map((line) => line.split('=')[0]!.trim())
    .filter(Boolean)
    .sort();
}

const commandOf = (service: ComposeService) =>
  Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');

test('the compose file runs the same processes as scripts/cluster.sh', () => {
  const services = compose.services;
  const apis = Object.keys(services).filter((name) => commandOf(services[name]!) === 'serve');
  const workers = Object.keys(services).filter((name) => commandOf(services[name]!) === 'worker');
  assert.equal(apis.length, Number(/API_COUNT=\$\{STREAMHUB_CLUSTER_APIS:-(\d+)\}/.exec(clusterScript)?.[1]));
  assert.equal(workers.length, Number(/WORKER_COUNT=\$\{STREAMHUB_CLUSTER_WORKERS:-(\d+)\}/.exec(clusterScript)?.[1]));
  for (const part of ['postgres-primary', 'postgres-replica', 'pgbouncer', 'redis', 'haproxy', 'edge']) {
    assert.ok(services[part], `compose has no ${part}`);
  }
  assert.match(commandOf(services['postgres-replica']!), /pg_basebackup .*-R/);
});

test('StreamHub processes get the same environment in both, and it is a valid configuration', () => {
  const expected = clusterEnvKeys();
  for (const [name, service] of Object.entries(compose.services)) {
    const command = commandOf(service);
    if (command !== 'serve' && command !== 'worker') continue;
    const env = { ...service.environment };
    delete env.PORT;
    delete env.HOST;
    assert.deepEqual(Object.keys(env).sort(), expected, `${name}'s environment differs from scripts/cluster.sh`);
    assert.deepEqual(env.NODE_OPTIONS?.split(' '), scaleModeNodeFlags(), `${name} runs Node with other flags`);
    const config = loadConfig({ ...env, JWT_SECRET: 'x'.repeat(32) });
    assert.equal(config.workersInProcess, false);
    assert.equal(config.database.replicas.urls.length, 1);
    assert.match(config.database.url ?? '', /pgbouncer/, `${name} reaches the primary through PgBouncer`);
  }
});

test('both fill every placeholder of the shared templates in ops/cluster/', () => {
  for (const [template, service] of [
    ['haproxy.cfg', 'haproxy'],
    ['nginx-edge.conf', 'edge'],
    ['pgbouncer.ini', 'pgbouncer'],
  ] as const) {
    assert.ok(clusterScript.includes(`ops/cluster/${template}`), `cluster.sh does not use ${template}`);
    const placeholders = new Set(readFileSync(`ops/cluster/${template}`, 'utf8').match(/@[A-Z_]+@/g));
    const command = commandOf(compose.services[service]!);
    assert.ok(command.includes(`/templates/${template}`), `compose's ${service} does not use ${template}`);
    for (const placeholder of placeholders) {
      assert.ok(command.includes(placeholder), `compose's ${service} leaves ${placeholder} unfilled`);
      assert.ok(clusterScript.includes(placeholder), `cluster.sh leaves ${placeholder} unfilled`);
    }
  }
  assert.match(readFileSync('ops/cluster/haproxy.cfg', 'utf8'), /option httpchk GET \/ready/);
});
