import type { AlyxRecord } from './record-queries.ts';

/**
 * What a picker shows beside each option so that two similar lookups can be told apart: a
 * subject's lab, sex and birth date, a user's name, a session's subject, date and number.
 * Alyx's list serializers name these fields the same on every instance; endpoints not listed
 * fall back to the first describing field they have.
 */
const DESCRIBING_FIELDS: Record<string, readonly (readonly string[])[]> = {
  subjects: [['lab'], ['sex'], ['birth_date'], ['responsible_user']],
  users: [['first_name', 'last_name'], ['email']],
  sessions: [['subject'], ['start_time'], ['number'], ['task_protocol']],
  labs: [['institution']],
  insertions: [['name'], ['session_info', 'subject'], ['model']],
  datasets: [['name'], ['collection']],
  projects: [['description']],
  tasks: [['name'], ['status']],
  locations: [['lab']],
};

const FALLBACK_FIELDS = [['name'], ['description'], ['institution']] as const;
const MAX_PART = 60;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

function shortText(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return '';
  const dateTime = DATE_TIME.exec(value);
  const text = (dateTime ? `${dateTime[1]} ${dateTime[2]}` : value).replace(/\s+/g, ' ').trim();
  return text.length > MAX_PART ? `${text.slice(0, MAX_PART - 1)}…` : text;
}

/** Reads `path` (a field, or a field of a nested object) from `row`. */
function valueAt(row: AlyxRecord, path: readonly string[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function partOf(row: AlyxRecord, fields: readonly string[]): string {
  // users: first and last name are two fields but one part.
  if (fields.length === 2 && fields[0] === 'first_name') {
    return shortText([row.first_name, row.last_name].filter((v) => typeof v === 'string' && v).join(' '));
  }
  return shortText(valueAt(row, fields));
}

/** A short line describing `row`, without repeating its `lookup` value; empty when nothing describes it. */
export function describeOption(endpoint: string, row: AlyxRecord, lookup: string): string {
  const own = DESCRIBING_FIELDS[endpoint];
  const lookupValue = shortText(row[lookup]);
  const parts = (own ?? FALLBACK_FIELDS)
    .filter((fields) => fields[0] !== lookup)
    .map((fields) => partOf(row, fields))
    .filter((part) => part && part !== lookupValue);
  return (own ? parts : parts.slice(0, 1)).join(' · ');
}
