/**
 * What the command palette accepts, classified without any request: an ALF session path (with or
 * without a root and a trailing collection/file), a URL, an absolute path, a UUID, an 8-character
 * id prefix, a word (an endpoint or a subject nickname) or other text (filtered against commands).
 */

export interface AlfPath {
  /** The lab folder when the path has `lab/Subjects/…`. */
  lab?: string;
  subject: string;
  /** `YYYY-MM-DD`. */
  date: string;
  number: number;
  /** `alf/probe00` (no revision); undefined when the path has no folder below the session. */
  collection?: string;
  /** `#2021-01-01#` folder without the `#`s. */
  revision?: string;
  /** `spikes.times.npy`; a Flatiron-style `.{uuid}` before the extension is removed. */
  file?: string;
}

export type PaletteInput =
  | { kind: 'empty' }
  | { kind: 'alf'; alf: AlfPath }
  | { kind: 'url'; url: string }
  | { kind: 'path'; path: string }
  | { kind: 'uuid'; uuid: string }
  | { kind: 'id-prefix'; prefix: string }
  | { kind: 'word'; text: string }
  | { kind: 'text'; text: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^\d{1,3}$/;
const NICKNAME = /^[\w.-]+$/;
const FILE_UUID = /\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\.[^.]+$)/i;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Path segments of a pasted path or URL: scheme, host, query and fragment dropped; `\` read as `/`. */
function segmentsOf(text: string): string[] {
  let path = text.replace(/\\/g, '/');
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (url) path = path.slice(url[0].length).replace(/[?#].*$/, '');
  // A Windows drive (`C:/…`) is part of the root.
  return path
    .split('/')
    .filter((segment) => segment.length > 0 && !/^[a-z]:$/i.test(segment))
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/** The ALF session path inside `text`, or null: `…/[lab/Subjects/]nickname/YYYY-MM-DD/NNN[/collection…/file]`. */
export function parseAlfPath(text: string): AlfPath | null {
  const segments = segmentsOf(text.trim());
  for (let index = 0; index + 2 < segments.length; index += 1) {
    const subject = segments[index]!;
    const date = segments[index + 1]!;
    const number = segments[index + 2]!;
    if (!NICKNAME.test(subject) || !isCalendarDate(date) || !NUMBER.test(number)) continue;
    const alf: AlfPath = { subject, date, number: Number(number) };
    if (index >= 2 && segments[index - 1]?.toLowerCase() === 'subjects') alf.lab = segments[index - 2];
    const rest = segments.slice(index + 3);
    const last = rest.at(-1);
    // A file has an extension; a folder below the session (alf, raw_ephys_data, probe00) has none.
    if (last !== undefined && /\.[^.]+$/.test(last) && !/^#.*#$/.test(last)) {
      alf.file = last.replace(FILE_UUID, '');
      rest.pop();
    }
    const revision = rest.find((segment) => /^#.+#$/.test(segment));
    if (revision) alf.revision = revision.slice(1, -1);
    const folders = rest.filter((segment) => !/^#.+#$/.test(segment));
    if (folders.length > 0) alf.collection = folders.join('/');
    return alf;
  }
  return null;
}

/** Classifies pasted or typed palette input; ALF paths win over URLs and paths that contain one. */
export function parsePaletteInput(input: string): PaletteInput {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  if (text.includes('/') || text.includes('\\')) {
    const alf = parseAlfPath(text);
    if (alf) return { kind: 'alf', alf };
  }
  if (/^https?:\/\//i.test(text)) return { kind: 'url', url: text };
  if (text.startsWith('/')) return { kind: 'path', path: text };
  if (UUID.test(text)) return { kind: 'uuid', uuid: text.toLowerCase() };
  if (/^[0-9a-f]{8}$/i.test(text)) return { kind: 'id-prefix', prefix: text.toLowerCase() };
  if (/^[\w.-]+(\?.*)?$/.test(text)) return { kind: 'word', text };
  return { kind: 'text', text };
}
