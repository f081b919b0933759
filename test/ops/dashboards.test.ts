// ops/grafana/*.json and ops/prometheus/alerts.yml may only use metrics StreamHub really exports: every
// metric name in their PromQL must be in a live app's /metrics (with the response cache, a replica,
// the edge access log and a queued job, so every family has samples). promtool checks the rules when present.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Registry } from 'prom-client';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { installDatabaseMetrics } from '../../src/platform/observability/database-metrics.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

/** Prometheus' own series (from the scrape), not StreamHub's. */
const SCRAPE_SERIES = new Set(['up']);
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'le',
]);

/** Metric names in a PromQL expression: identifiers that are not functions, keywords, labels or durations. */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring)\s*\([^)]*\)/g, '');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(\s*\()?/g)) {
    if (match[1] || KEYWORDS.has(match[0]) || SCRAPE_SERIES.has(match[0])) continue;
    names.add(match[0]);
  }
  return [...names];
}

function dashboardExprs(): Array<{ where: string; expr: string }> {
  return readdirSync('ops/grafana')
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const dashboard = JSON.parse(readFileSync(join('ops/grafana', file), 'utf8')) as {
        panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
      };
      return dashboard.panels.flatMap((panel) =>
        (panel.targets ?? []).map((target) => ({ where: `${file}: ${panel.title}`, expr: target.expr })),
      );
    });
}

function alertExprs(): Array<{ where: string; expr: string }> {
  const rules = parse(readFileSync('ops/prometheus/alerts.yml', 'utf8')) as {
    groups: Array<{ rules: Array<{ alert: string; expr: string; labels?: object; annotations?: object }> }>;
  };
  return rules.groups.flatMap((group) =>
    group.rules.map((rule) => {
      assert.ok(rule.labels && rule.annotations, `${rule.alert} has labels and annotations`);
      return { where: `alerts.yml: ${rule.alert}`, expr: String(rule.expr) };
    }),
  );
}

describe('Grafana dashboard and Prometheus alerts', () => {
  test('metric names are read from PromQL', () => {
    assert.deepEqual(
      metricNames(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{route!="x"}[5m]))) > 1',
      ),
      ['http_request_duration_seconds_bucket'],
    );
    assert.deepEqual(metricNames('max(a_total) / sum(max by (status) (b{status!~"x|-"})) and up == 0'), [
      'a_total',
      'b',
    ]);
  });

  test('every panel and rule has an expression', () => {
    assert.ok(dashboardExprs().length >= 10);
    assert.ok(alertExprs().length >= 8);
  });

  test(
    'promtool accepts the rules (when installed)',
    { skip: spawnSync('promtool', ['--version']).error !== undefined },
    () => {
      const checked = spawnSync('promtool', ['check', 'rules', 'ops/prometheus/alerts.yml']);
      assert.equal(checked.status, 0, checked.stdout.toString() + checked.stderr.toString());
    },
  );

  describe('against a live /metrics', { skip: !process.env.DATABASE_URL && 'replica metrics need PostgreSQL' }, () => {
    let t: TestApp;
    let dir: string;
    let exported: Set<string>;
    let withReplica: Database;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'streamhub-metrics-'));
      const log = join(dir, 'edge-access.log');
      writeFileSync(log, '2026-01-01T00:00:00+00:00 GET /media/videos/x/poster.jpg 200 10 HIT\n');
      process.env.EDGE_ACCESS_LOG = log;
      t = await startTestApp('postgres', { CACHE_RESPONSES: 'true' });
      await t.platform.jobs.enqueue('metrics-check', 'noop', {});
      await t.app.inject({ method: 'GET', url: '/api/v1/videos/trending' });
      // The replica families come from a database opened with a replica (the primary itself stands in:
      // the families exist whatever the replica's state).
      withReplica = await openDatabase({
        url: process.env.DATABASE_URL!,
        dataDir: dir,
        replicas: { urls: [process.env.DATABASE_URL!], maxLagMs: 1000, checkIntervalMs: 1000 },
      });
      const replicaRegistry = new Registry();
      installDatabaseMetrics(replicaRegistry, withReplica);
      const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body + (await replicaRegistry.metrics());
      exported = new Set(
        text
          .split('\n')
          .filter((line) => line && !line.startsWith('#'))
          .map((line) => line.split(/[{ ]/)[0]!),
      );
    });
    after(async () => {
      delete process.env.EDGE_ACCESS_LOG;
      await withReplica?.close();
      await t?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('every metric the dashboard and the alerts use is exported', () => {
      const missing = [...dashboardExprs(), ...alertExprs()].flatMap(({ where, expr }) =>
        metricNames(expr)
          .filter((name) => !exported.has(name))
          .map((name) => `${name} (${where})`),
      );
      assert.deepEqual(missing, []);
    });
  });
});
