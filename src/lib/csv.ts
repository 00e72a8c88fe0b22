/**
 * CSV a spreadsheet opens correctly: UTF-8 with a byte-order mark, RFC 4180 quoting and CRLF line
 * ends, nested values as JSON, null as empty, and text a spreadsheet would run as a formula
 * neutralised with a leading `'` (OWASP "CSV injection").
 */

/** A byte-order mark, so spreadsheets read the file as UTF-8 rather than the system code page. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as the spreadsheet should show it: a leading `'` stops `=`, `+`, `-`, `@`, tab, CR formulas. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One field, quoted when RFC 4180 needs it (or when edge spaces would be trimmed by a reader). */
export function csvField(value: unknown): string {
  const text = cellText(value);
  // Numbers and booleans are written by us, not the instance: `-3` stays a number.
  const safe = typeof value === 'string' ? neutraliseFormula(text) : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

interface Chunk {
  /** Each row's fields joined, without the line end (a quoted field may itself hold CRLF). */
  lines: string[];
  width: number;
}

/**
 * Rows added a page at a time; columns are the union of keys in order of first appearance. Each
 * page becomes one string part, so a 100,000-row export never holds one giant string, and the
 * final Blob is assembled from the parts. A page written before a new key appeared is padded with
 * empty fields at the end, so every line has the header's width.
 */
export class CsvBuilder {
  readonly #columns: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #chunks: Chunk[] = [];
  #rows = 0;

  get columns(): readonly string[] {
    return this.#columns;
  }

  get rowCount(): number {
    return this.#rows;
  }

  addRows(rows: readonly Record<string, unknown>[]): void {
    for (const row of rows)
      for (const key of Object.keys(row))
        if (!this.#index.has(key)) {
          this.#index.set(key, this.#columns.length);
          this.#columns.push(key);
        }
    const lines = rows.map((row) => this.#columns.map((name) => csvField(row[name])).join(','));
    this.#chunks.push({ lines, width: this.#columns.length });
    this.#rows += rows.length;
  }

  /** The file's parts: BOM and header, then each page (padded to the final width if needed). */
  parts(): string[] {
    const width = this.#columns.length;
    const body = this.#chunks.map(({ lines, width: had }) => {
      // A row of no fields is one empty field already.
      const pad = ','.repeat(Math.max(0, had === 0 ? width - 1 : width - had));
      return lines.map((line) => `${line}${pad}\r\n`).join('');
    });
    return [UTF8_BOM + csvLine(this.#columns), ...body];
  }
}

/** A JSON array built a page at a time, same reason as CsvBuilder. */
export class JsonArrayBuilder {
  readonly #parts: string[] = [];
  #rows = 0;

  get rowCount(): number {
    return this.#rows;
  }

  addRows(rows: readonly unknown[]): void {
    if (rows.length === 0) return;
    const text = rows.map((row) => JSON.stringify(row)).join(',\n');
    this.#parts.push(this.#rows === 0 ? text : `,\n${text}`);
    this.#rows += rows.length;
  }

  parts(): string[] {
    return ['[\n', ...this.#parts, '\n]\n'];
  }
}
