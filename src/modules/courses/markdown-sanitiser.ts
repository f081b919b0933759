/**
 * Readings are Markdown written by creators (or generated) and shown to every learner, so raw HTML and
 * script-bearing links are removed on save: the web renders Markdown as text plus a fixed set of
 * formatting, and this keeps stored text safe for any other renderer too.
 */
export function sanitiseMarkdown(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, '\n')
      // HTML comments and tags (with their attributes); `<` used as "less than" followed by a space stays.
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\/?[a-zA-Z][^>]*>/g, '')
      // Link and image targets that would run code or embed documents.
      .replace(/\]\(\s*(?:javascript|vbscript|data):(?:[^()]|\([^()]*\))*\)/gi, '](#)')
      .trim()
  );
}
