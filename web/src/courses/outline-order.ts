// The builder's outline order, as `PUT /courses/{id}/order` takes it (every module and lesson once), and
// the changes the builder makes to it: modules reordered, lessons reordered in a module, a lesson moved
// to another module.
import type { CourseOrder } from './builder-api.ts';

interface Outline {
  modules: Array<{ id: string; lessons: Array<{ id: string }> }>;
}

export const currentOrder = (outline: Outline): CourseOrder => ({
  modules: outline.modules.map((module) => ({ id: module.id, lessonIds: module.lessons.map((lesson) => lesson.id) })),
});

export function withModuleOrder(order: CourseOrder, moduleIds: string[]): CourseOrder {
  const byId = new Map(order.modules.map((entry) => [entry.id, entry]));
  return { modules: moduleIds.map((id) => byId.get(id)!) };
}

export function withLessonOrder(order: CourseOrder, moduleId: string, lessonIds: string[]): CourseOrder {
  return { modules: order.modules.map((entry) => (entry.id === moduleId ? { id: entry.id, lessonIds } : entry)) };
}

/** The lesson leaves its module and goes to the end of `toModuleId`. */
export function withLessonMoved(order: CourseOrder, lessonId: string, toModuleId: string): CourseOrder {
  return {
    modules: order.modules.map((entry) => {
      const lessonIds = entry.lessonIds.filter((id) => id !== lessonId);
      return { id: entry.id, lessonIds: entry.id === toModuleId ? [...lessonIds, lessonId] : lessonIds };
    }),
  };
}

/** The outline as the order will make it, to show at once (the server's answer replaces it). */
export function shownAs<O extends Outline>(outline: O, order: CourseOrder): O {
  const modules = new Map(outline.modules.map((module) => [module.id, module]));
  const lessons = new Map(outline.modules.flatMap((module) => module.lessons).map((lesson) => [lesson.id, lesson]));
  return {
    ...outline,
    modules: order.modules.map((entry) => ({
      ...modules.get(entry.id)!,
      lessons: entry.lessonIds.map((id) => lessons.get(id)!),
    })),
  };
}
