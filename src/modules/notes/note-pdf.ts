/** Inline Markdown shown as print: emphasis marks go, link text stays, timestamps keep their time. */
const printable = (line: string) =>
  line
    .replace(/\[([^\]]*)\]\(#t=\d+\)/g, '[$1]')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|~~|\*|`)/g, '')
    .replace(/\\([*_`[\]\\])/g, '$1');

/**
 * The note's Markdown (noteToMarkdown) rendered to PDF with pdfkit, in process: headings in bold at
 * their level's size, code blocks in Courier, list items and quotes indented. A note is small (the
 * document limit), so the PDF is built in memory.
 */
export async function markdownToPdf(title: string, markdown: string): Promise<Buffer> {
  // pdfkit (and its fonts) loads on the first export, not with the server, as the course export does.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf
      .font('Helvetica-Bold')
      .fontSize(20)
      .text(title || 'Notes');
    pdf.moveDown();
    let inCode = false;
    for (const line of markdown.split('\n')) {
      if (line.trimStart().startsWith('```')) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        pdf
          .font('Courier')
          .fontSize(10)
          .text(line || ' ', { indent: 12 });
        continue;
      }
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        pdf.moveDown(0.5);
        pdf
          .font('Helvetica-Bold')
          .fontSize(Math.max(12, 20 - heading[1]!.length * 2))
          .text(printable(heading[2]!));
        continue;
      }
      if (line.trim() === '') {
        pdf.moveDown(0.4);
        continue;
      }
      if (line === '---') {
        pdf
          .moveTo(pdf.x, pdf.y)
          .lineTo(pdf.page.width - 56, pdf.y)
          .stroke();
        pdf.moveDown(0.4);
        continue;
      }
      const quote = line.startsWith('> ');
      const depth = /^\s*/.exec(line)![0].length;
      pdf
        .font(quote ? 'Helvetica-Oblique' : 'Helvetica')
        .fontSize(11)
        .text(printable(quote ? line.slice(2) : line.trimStart()), { indent: depth * 6 + (quote ? 12 : 0) });
    }
    pdf.end();
  });
}
