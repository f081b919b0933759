// The courses API as the learner's pages use it: catalogue, outline, progress, lessons, quizzes,
// XP and leaderboards, certificates and PDF exports. Every call goes through the typed client.
import { api, unwrap } from '../api/typed-client.ts';

export const COURSES_KEY = ['courses'] as const;

export const courseApi = {
  catalogue: () => unwrap(api.GET('/api/v1/courses', { params: { query: { limit: 50 } } })),
  outline: (id: string) => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
  progress: (id: string) => unwrap(api.GET('/api/v1/courses/{id}/progress', { params: { path: { id } } })),
  enrol: (id: string) => unwrap(api.POST('/api/v1/courses/{id}/enrolment', { params: { path: { id } } })),
  open: (id: string, lessonId: string) =>
    unwrap(api.POST('/api/v1/courses/{id}/lessons/{lessonId}/open', { params: { path: { id, lessonId } } })),
  readToEnd: (id: string, lessonId: string) =>
    unwrap(
      api.POST('/api/v1/courses/{id}/lessons/{lessonId}/read', {
        params: { path: { id, lessonId } },
        body: { scrolledToEnd: true },
      }),
    ),
  attempt: (id: string, lessonId: string, answers: { questionId: string; answer: number | string }[]) =>
    unwrap(
      api.POST('/api/v1/courses/{id}/lessons/{lessonId}/attempts', {
        params: { path: { id, lessonId } },
        body: { answers },
      }),
    ),
  myLearning: () => unwrap(api.GET('/api/v1/me/learning')),
  leaderboard: (scope: 'all' | 'week' | 'course', courseId?: string) =>
    unwrap(api.GET('/api/v1/leaderboards', { params: { query: { scope, courseId, limit: 10 } } })),
  certificate: (id: string) => unwrap(api.GET('/api/v1/certificates/{id}', { params: { path: { id } } })),
  startExport: (id: string, answerKey: boolean) =>
    unwrap(api.POST('/api/v1/courses/{id}/exports', { params: { path: { id } }, body: { answerKey } })),
  exportStatus: (id: string) => unwrap(api.GET('/api/v1/course-exports/{id}', { params: { path: { id } } })),
};

export type Outline = Awaited<ReturnType<typeof courseApi.outline>>;
export type Lesson = Outline['modules'][number]['lessons'][number];
export type Progress = Awaited<ReturnType<typeof courseApi.progress>>;
