import type { HistoryEntry } from '../../lib/request-history.ts';

const METHOD_WORDS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);

function statusMatches(status: HistoryEntry['status'], term: string): boolean | null {
  if (/^[1-5]\d\d$/.test(term)) return String(status) === term;
  if (/^[1-5]xx$/i.test(term)) return typeof status === 'number' && String(status)[0] === term[0];
  return null;
}

/**
 * The search box: every word must match — a method word (`post`) the method, a status (`404`) or
 * class (`4xx`) the status, anything else a case-insensitive part of the path or of the status text
 * (`network`, `aborted`).
 */
export function filterHistory(entries: readonly HistoryEntry[], search: string): HistoryEntry[] {
  const terms = search.trim().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...entries];
  return entries.filter((entry) =>
    terms.every((term) => {
      const upper = term.toUpperCase();
      if (METHOD_WORDS.has(upper)) return entry.method === upper;
      const status = statusMatches(entry.status, term);
      if (status !== null) return status;
      const lower = term.toLowerCase();
      return (
        entry.path.toLowerCase().includes(lower) ||
        (typeof entry.status === 'string' && entry.status.includes(lower))
      );
    }),
  );
}
