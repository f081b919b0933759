// Administration: comment and video reports, accounts, and jobs that failed for good.
import { api, expectNoContent, unwrap, unwrapPage } from '../api/typed-client.ts';
import type { ApiBody } from '../api/types.ts';

export const adminReportsKey = ['admin-reports'] as const;
export const adminUsersKey = ['admin-users'] as const;
export const failedJobsKey = ['admin-failed-jobs'] as const;

export type ReportAction = ApiBody<'/api/v1/admin/reports/{id}/resolve', 'post'>['action'];

export const fetchOpenReportsPage = (cursor?: string) =>
  unwrapPage(api.GET('/api/v1/admin/reports', { params: { query: { status: 'open', cursor, limit: 50 } } }));
export const resolveReport = (id: string, action: ReportAction) =>
  unwrap(api.POST('/api/v1/admin/reports/{id}/resolve', { params: { path: { id } }, body: { action } }));

export const adminVideoReportsKey = ['admin-video-reports'] as const;
export type VideoReportAction = ApiBody<'/api/v1/admin/video-reports/{id}/resolve', 'post'>['action'];
export const fetchOpenVideoReportsPage = (cursor?: string) =>
  unwrapPage(api.GET('/api/v1/admin/video-reports', { params: { query: { status: 'open', cursor, limit: 50 } } }));
export const resolveVideoReport = (id: string, action: VideoReportAction) =>
  unwrap(api.POST('/api/v1/admin/video-reports/{id}/resolve', { params: { path: { id } }, body: { action } }));

export const fetchUsersPage = (q: string, cursor?: string) =>
  unwrapPage(api.GET('/api/v1/admin/users', { params: { query: { q: q || undefined, cursor, limit: 50 } } }));
export const setBanned = (id: string, ban: boolean) =>
  unwrap(
    ban
      ? api.POST('/api/v1/admin/users/{id}/ban', { params: { path: { id } } })
      : api.POST('/api/v1/admin/users/{id}/unban', { params: { path: { id } } }),
  );

export const fetchFailedJobs = () =>
  unwrap(api.GET('/api/v1/admin/jobs/failed', { params: { query: { limit: 100 } } }));
export const retryJob = (id: string) => unwrap(api.POST('/api/v1/admin/jobs/{id}/retry', { params: { path: { id } } }));
export const discardJob = (id: string) =>
  expectNoContent(api.DELETE('/api/v1/admin/jobs/{id}', { params: { path: { id } } }));
