import * as Y from 'yjs';

/** The Yjs field TipTap's Collaboration extension binds the editor to. */
export const NOTE_FIELD = 'default';

type Attrs = Record<string, unknown>;
interface Delta {
  insert: unknown;
  attributes?: Attrs;
}

/** "1:05" or "1:02:03" for a number of seconds. */
export function formatTimestamp(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

function inlineMarkdown(text: Y.XmlText): string {
  return (text.toDelta() as Delta[])
    .map(({ insert, attributes = {} }) => {
      if (typeof insert !== 'string') return '';
      let out = attributes.code ? `\`${insert}\`` : insert.replace(/([*_`[\]\\])/g, '\\$1');
      if (attributes.bold) out = `**${out}**`;
      if (attributes.italic) out = `*${out}*`;
      if (attributes.strike) out = `~~${out}~~`;
      const link = attributes.link as { href?: string } | undefined;
      if (link?.href) out = `[${out}](${link.href})`;
      const stamp = attributes.timestamp as { seconds?: number } | undefined;
      if (stamp && typeof stamp.seconds === 'number') out = `[${out}](#t=${Math.floor(stamp.seconds)})`;
      return out;
    })
    .join('');
}

function inline(node: Y.XmlElement): string {
  return node
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return inlineMarkdown(child);
      if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') return '  \n';
      return child instanceof Y.XmlElement ? inline(child) : '';
    })
    .join('');
}

function plain(node: Y.XmlElement): string {
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? child.toString().replace(/<[^>]*>/g, '') : ''))
    .join('');
}

function block(node: Y.XmlElement | Y.XmlText, indent: string): string[] {
  if (node instanceof Y.XmlText) return [indent + inlineMarkdown(node)];
  const children = node.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
  switch (node.nodeName) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1));
      return [`${'#'.repeat(level)} ${inline(node)}`];
    }
    case 'paragraph':
      return [indent + inline(node)];
    case 'codeBlock': {
      const language = node.getAttribute('language') ?? '';
      const text = node
        .toArray()
        .map((c) => (c instanceof Y.XmlText ? (c.toDelta() as Delta[]).map((d) => String(d.insert)).join('') : ''))
        .join('');
      return [`${indent}\`\`\`${language}`, ...text.split('\n').map((l) => indent + l), `${indent}\`\`\``];
    }
    case 'blockquote':
      return children.flatMap((c) => block(c, indent)).map((l) => `> ${l}`);
    case 'horizontalRule':
      return ['---'];
    case 'bulletList':
    case 'orderedList':
      return children.flatMap((item, index) => {
        const marker = node.nodeName === 'bulletList' ? '- ' : `${index + 1}. `;
        const lines = item
          .toArray()
          .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
          .flatMap((c) => block(c, ''));
        return lines.map((line, i) => (i === 0 ? indent + marker + line : `${indent}   ${line}`));
      });
    default:
      return [indent + plain(node)];
  }
}

/** The note as Markdown: headings, lists, code, quotes, links, and timestamps as `[1:05](#t=65)` links. */
export function noteToMarkdown(doc: Y.Doc): string {
  const fragment = doc.getXmlFragment(NOTE_FIELD);
  const blocks = fragment
    .toArray()
    .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText)
    .map((n) => block(n, '').join('\n'));
  return `${blocks.join('\n\n').trim()}\n`;
}

export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * Makes `target`'s note content equal to `source`'s, as ordinary Yjs edits (so every connected editor
 * sees the restore and can keep editing; the history before the restore stays in revisions).
 */
export function replaceContent(target: Y.Doc, source: Y.Doc, origin: unknown): void {
  const from = source.getXmlFragment(NOTE_FIELD);
  const to = target.getXmlFragment(NOTE_FIELD);
  target.transact(() => {
    if (to.length > 0) to.delete(0, to.length);
    const copies = from
      .toArray()
      .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText)
      .map((n) => n.clone());
    to.insert(0, copies);
  }, origin);
}
