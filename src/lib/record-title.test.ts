import { describe, expect, it } from 'vitest';
import { recordTitle } from './record-title.ts';

describe('recordTitle', () => {
  it('names a session by subject, date and number', () => {
    expect(
      recordTitle('sessions', { subject: 'KS005', start_time: '2024-03-01T10:00:00', number: 1 }, 'abc'),
    ).toBe('KS005 · 2024-03-01 · 001');
    expect(recordTitle('sessions', { subject: 'KS005', start_time: null }, 'abc')).toBe('abc');
  });
  it('names datasets by collection and name, others by what people call them', () => {
    expect(recordTitle('datasets', { name: 'trials.table.pqt', collection: 'alf' }, 'id')).toBe(
      'alf/trials.table.pqt',
    );
    expect(recordTitle('datasets', { name: 'x.npy', collection: null }, 'id')).toBe('x.npy');
    expect(recordTitle('subjects', { nickname: 'KS005', name: 'other' }, 'KS005')).toBe('KS005');
    expect(recordTitle('users', { username: 'olivier' }, '1')).toBe('olivier');
    expect(recordTitle('water-administrations', { water_administered: 1 }, 'id-1')).toBe('id-1');
    expect(recordTitle('subjects', { nickname: { evil: 1 } }, 'KS005')).toBe('KS005');
  });
});
