/** The loaded page as CSV or JSON, for a data manager's spreadsheet or script. */
import type { Row } from './columns.ts';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** What a spreadsheet would run as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string, value: unknown = text): string {
  // Numbers and booleans are written by us, not the instance: `-3` stays a number.
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A byte-order mark, so spreadsheets read the file as UTF-8 rather than the system code page. */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180: CRLF line ends, quoted fields where needed; nested values as JSON. Text that a
 * spreadsheet would take for a formula gets a leading `'`; column names are instance text too.
 */
export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const lines = [columns.map((name) => csvField(name)).join(',')];
  for (const row of rows)
    lines.push(columns.map((name) => csvField(cellText(row[name]), row[name])).join(','));
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
