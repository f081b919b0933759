import type { ReactNode } from 'react';

// Readings are Markdown sanitised on the server; the web still never injects HTML: it builds React
// elements for a fixed set of formatting (headings, lists, paragraphs, bold, italic, code), and shows
// everything else as text.

function inline(text: string): ReactNode[] {
  const parts = text.split(/(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)/g);
  return parts.map((part, index) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={index}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return <code key={index}>{part.slice(1, -1)}</code>;
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return <em key={index}>{part.slice(1, -1)}</em>;
    return part;
  });
}

export function MarkdownText({ markdown }: { markdown: string }) {
  const blocks = markdown.split(/\n{2,}/).filter((block) => block.trim() !== '');
  return (
    <div className="markdown">
      {blocks.map((block, index) => {
        const heading = /^(#{1,4})\s+(.*)$/.exec(block);
        if (heading) {
          const Tag = `h${Math.min(heading[1]!.length + 1, 5)}` as 'h2';
          return <Tag key={index}>{inline(heading[2]!)}</Tag>;
        }
        const lines = block.split('\n');
        if (lines.every((line) => /^\s*[-*]\s+/.test(line)))
          return (
            <ul key={index}>
              {lines.map((line, item) => (
                <li key={item}>{inline(line.replace(/^\s*[-*]\s+/, ''))}</li>
              ))}
            </ul>
          );
        return <p key={index}>{inline(lines.join(' '))}</p>;
      })}
    </div>
  );
}
