/**
 * What people call a record: a session by subject, date and number; others by nickname, name or
 * username. In src/lib because the record view, pins and the command palette all name records.
 */
type RecordData = Readonly<Record<string, unknown>>;

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function sessionTitle(record: RecordData): string | null {
  const subject = text(record['subject']);
  const start = text(record['start_time']);
  const date = start && /^\d{4}-\d{2}-\d{2}/.test(start) ? start.slice(0, 10) : start;
  const number = text(record['number']);
  const parts = [subject, date, number === null ? null : number.padStart(3, '0')];
  return subject && date ? parts.filter((part) => part !== null).join(' · ') : null;
}

/** The title of a record view; the lookup when the record names itself by nothing better. */
export function recordTitle(endpoint: string, record: RecordData | undefined, lookup: string): string {
  if (!record) return lookup;
  if (endpoint === 'sessions') return sessionTitle(record) ?? lookup;
  if (endpoint === 'datasets') {
    const name = text(record['name']);
    const collection = text(record['collection']);
    if (name) return collection ? `${collection}/${name}` : name;
  }
  return text(record['nickname']) ?? text(record['name']) ?? text(record['username']) ?? lookup;
}
