import { Mark, mergeAttributes } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';

/** "1:05" or "1:02:03". */
export function formatTimestamp(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    timestamp: {
      /** Inserts the time as a link that seeks the video there. */
      insertTimestamp: (seconds: number) => ReturnType;
    };
  }
}

/**
 * A "timestamp" mark: text linked to a moment of the video. Stored in the Yjs document as the mark's
 * attribute `seconds`; clicking it calls `onSeek` (the page's player seeks), in view-only mode too.
 */
export const Timestamp = Mark.create<{ onSeek: (seconds: number) => void }>({
  name: 'timestamp',
  inclusive: false,
  addOptions: () => ({ onSeek: () => undefined }),
  addAttributes: () => ({
    seconds: {
      default: 0,
      parseHTML: (element) => Number(element.getAttribute('data-seconds')) || 0,
      renderHTML: (attributes) => ({ 'data-seconds': String(attributes.seconds) }),
    },
  }),
  parseHTML: () => [{ tag: 'a[data-seconds]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'a',
    mergeAttributes(HTMLAttributes, {
      class: 'note-timestamp',
      href: `#t=${String(HTMLAttributes['data-seconds'])}`,
      title: 'Play from here',
    }),
    0,
  ],
  addCommands() {
    return {
      insertTimestamp:
        (seconds) =>
        ({ chain }) =>
          chain()
            .insertContent([
              { type: 'text', text: formatTimestamp(seconds), marks: [{ type: this.name, attrs: { seconds } }] },
              { type: 'text', text: ' ' },
            ])
            .run(),
    };
  },
  addProseMirrorPlugins() {
    const onSeek = () => this.options.onSeek;
    return [
      new Plugin({
        props: {
          handleDOMEvents: {
            click: (_view, event) => {
              const target = (event.target as HTMLElement | null)?.closest('a[data-seconds]');
              if (!target) return false;
              event.preventDefault();
              onSeek()(Number(target.getAttribute('data-seconds')) || 0);
              return true;
            },
          },
        },
      }),
    ];
  },
});
