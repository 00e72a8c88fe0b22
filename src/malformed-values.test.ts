import { describe, expect, it } from 'vitest';
import { lastSegment, toRelativeAlyxPath } from './api/http/alyx-urls.ts';
import { parseRoot } from './api/schema/parse-root.ts';
import { recordId } from './features/record-detail/reverse-relations.ts';
import { rowMatches } from './features/record-detail/cached-row.ts';
import { shortText } from './components/values/value-format.ts';

// A project named like this on one session took the session list and record down ("URI malformed").
const MALFORMED = [
  'http://x.example/%E0%A4%A',
  'http://x.example/sessions/%',
  'http://x.example/%ZZ',
  '%E0%A4%A',
];

describe('values with malformed percent escapes', () => {
  it.each(MALFORMED)('never throw in the URL helpers: %s', (value) => {
    expect(() => lastSegment(value)).not.toThrow();
    expect(() => toRelativeAlyxPath(value, ['http://alyx.example'], ['sessions', 'projects'])).not.toThrow();
    expect(() => parseRoot({ sessions: value })).not.toThrow();
    expect(() => recordId({ url: value })).not.toThrow();
    expect(() => rowMatches({ url: value }, 'x', undefined)).not.toThrow();
    expect(() => shortText(value)).not.toThrow();
  });

  it('keep the raw segment where it cannot be decoded', () => {
    expect(lastSegment('http://x.example/sessions/%E0%A4%A')).toBe('%E0%A4%A');
    expect(lastSegment('http://x.example/sessions/a%20b')).toBe('a b');
  });
});
