import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { getRelativeSelection, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

type RelativeSelection = ReturnType<typeof getRelativeSelection>;

/** Whether a Yjs relative position points into content that still exists (no enclosing node was deleted). */
function stillThere(doc: Y.Doc, position: Y.RelativePosition | null): position is Y.RelativePosition {
  const absolute = position && Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute) return false;
  for (let item = absolute.type._item; item; item = (item.parent as Y.AbstractType<unknown> | null)?._item ?? null)
    if (item.deleted) return false;
  return true;
}

/**
 * Keeps the local caret where Yjs says it is when a remote edit arrives.
 *
 * The collaboration binding (@tiptap/y-tiptap) stores the selection as Yjs relative positions before a
 * remote edit and resolves them afterwards, which is exact while the paragraph the caret is in still
 * exists. It then second-guesses that answer with a guess from absolute positions ("the n-th empty
 * paragraph"), meant for paragraphs the edit replaced. When two editors press Enter at the same spot at
 * once, both new lines are empty paragraphs side by side, the guess picks the other editor's, and the
 * caret jumps into their line. This plugin captures the same relative selection and, after a remote
 * edit, puts the caret back where it resolves whenever its paragraph still exists; when it does not,
 * the binding's guess stands.
 */
export const StableRemoteSelection = Extension.create({
  name: 'stableRemoteSelection',
  addProseMirrorPlugins() {
    let before: RelativeSelection | null = null;
    return [
      new Plugin({
        key: new PluginKey('stableRemoteSelection'),
        view(view) {
          const binding = ySyncPluginKey.getState(view.state)?.binding;
          if (!binding) return {};
          // The binding captures on the same events; by the time it dispatches the remote edit, this is set.
          const capture = () => {
            before ??= getRelativeSelection(binding, view.state);
          };
          const release = () => {
            before = null;
          };
          binding.doc.on('beforeAllTransactions', capture);
          binding.doc.on('afterAllTransactions', release);
          return {
            destroy() {
              binding.doc.off('beforeAllTransactions', capture);
              binding.doc.off('afterAllTransactions', release);
            },
          };
        },
        appendTransaction(transactions, _previous, state) {
          const remote = transactions.some((tr) => {
            const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
            return meta?.isChangeOrigin && !meta.isUndoRedoOperation;
          });
          const binding = ySyncPluginKey.getState(state)?.binding;
          if (!remote || !binding || before?.type !== 'text') return null;
          if (!stillThere(binding.doc, before.anchor) || !stillThere(binding.doc, before.head)) return null;
          const anchor = relativePositionToAbsolutePosition(binding.doc, binding.type, before.anchor, binding.mapping);
          const head = relativePositionToAbsolutePosition(binding.doc, binding.type, before.head, binding.mapping);
          if (anchor === null || head === null) return null;
          if (anchor === state.selection.anchor && head === state.selection.head) return null;
          const size = state.doc.content.size;
          if (anchor > size || head > size) return null;
          return state.tr
            .setSelection(TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head)))
            .setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
