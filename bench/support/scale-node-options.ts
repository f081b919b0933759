import { readFileSync } from 'node:fs';

/**
 * The Node flags scale-mode StreamHub processes run with: the NODE_OPTIONS line of scripts/cluster.sh's
 * environment (ops/docker-compose.yml sets the same; test/ops/compose-sync.test.ts keeps them equal).
 * Benchmarks that measure a scale-mode server, and their anchors, start their targets with these flags,
 * so a figure is that of the server as deployed.
 */
export function scaleModeNodeFlags(): string[] {
  const script = readFileSync(new URL('../../scripts/cluster.sh', import.meta.url), 'utf8');
  const value = /^NODE_OPTIONS=(.*)$/m.exec(script)?.[1];
  if (!value) throw new Error('scripts/cluster.sh sets no NODE_OPTIONS');
  return value.trim().split(/\s+/);
}
