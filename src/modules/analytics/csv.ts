import type { FastifyReply, FastifyRequest } from 'fastify';

/** True when the client asked for CSV (`Accept: text/csv`) rather than the JSON envelope. */
export function wantsCsv(request: FastifyRequest): boolean {
  return /\btext\/csv\b/i.test(request.headers.accept ?? '');
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // RFC 4180 quoting, and a leading ' for cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly object[], columns?: string[]): string {
  const header = columns ?? Object.keys(rows[0] ?? {});
  return (
    [
      header.join(','),
      ...rows.map((row) => header.map((column) => cell((row as Record<string, unknown>)[column])).join(',')),
    ].join('\r\n') + '\r\n'
  );
}

/** Sends a table as CSV, bypassing the route's JSON response schema. */
export function sendCsv(reply: FastifyReply, filename: string, rows: readonly object[], columns?: string[]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}.csv"`)
    .serializer((payload: unknown) => payload as string)
    .send(toCsv(rows, columns));
}
