// The ops console: process and cluster health, and the structured-log search.
import { api, unwrap } from '../api/typed-client.ts';
import type { ApiData } from '../api/types.ts';

export const opsStatusKey = ['admin-ops-status'] as const;
export const opsLogsKey = (query: LogQuery) => ['admin-ops-logs', query] as const;
export const opsLogRoutesKey = ['admin-ops-log-routes'] as const;

export interface LogQuery {
  level?: 'debug' | 'info' | 'warn' | 'error';
  requestId?: string;
  /** A route pattern, such as /api/v1/videos/:id. */
  route?: string;
  q?: string;
  since?: string;
  until?: string;
}

export const fetchOpsStatus = () => unwrap(api.GET('/api/v1/admin/ops/status'));
export type OpsStatus = ApiData<'/api/v1/admin/ops/status'>;

export const fetchOpsLogs = (query: LogQuery) =>
  unwrap(api.GET('/api/v1/admin/ops/logs', { params: { query: { ...query, limit: 100 } } }));
export type OpsLog = ApiData<'/api/v1/admin/ops/logs'>[number];

/** The routes the stored lines were logged for (the route field's suggestions). */
export const fetchOpsLogRoutes = () => unwrap(api.GET('/api/v1/admin/ops/log-routes'));
