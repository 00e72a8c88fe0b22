/** The loaded page as CSV or JSON, for a data manager's spreadsheet or script. */
import { csvField, UTF8_BOM } from '../../lib/csv.ts';
import type { Row } from './columns.ts';

/**
 * RFC 4180: CRLF line ends, quoted fields where needed; nested values as JSON. Text that a
 * spreadsheet would take for a formula gets a leading `'`; column names are instance text too.
 */
export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const lines = [columns.map((name) => csvField(name)).join(',')];
  for (const row of rows) lines.push(columns.map((name) => csvField(row[name])).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: readonly Row[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** `sessions-subject-KS005-offset-250.csv`: readable and safe on any file system. */
export function exportFileName(endpoint: string, search: URLSearchParams, extension: 'csv' | 'json'): string {
  const parts = [endpoint];
  for (const [key, value] of search) {
    if (key === 'limit') continue;
    parts.push(key, value);
  }
  const stem = parts
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 120);
  return `${stem}.${extension}`;
}
