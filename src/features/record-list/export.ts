/** The loaded page as CSV or JSON, for a data manager's spreadsheet or script. */
import type { Row } from './columns.ts';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: CRLF line ends, quoted fields where needed; nested values as JSON. */
export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((name) => csvField(cellText(row[name]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
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
