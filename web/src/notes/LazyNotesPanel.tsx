import { lazy, Suspense, type ComponentProps } from 'react';

// TipTap, ProseMirror and Yjs are loaded only when a page shows notes, not with the watch page itself.
const NotesPanel = lazy(() => import('./NotesPanel.tsx').then((module) => ({ default: module.NotesPanel })));

export function LazyNotesPanel(props: ComponentProps<typeof NotesPanel>) {
  return (
    <Suspense fallback={null}>
      <NotesPanel {...props} />
    </Suspense>
  );
}
