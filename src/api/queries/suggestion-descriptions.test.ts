import { describe, expect, it } from 'vitest';
import { describeOption } from './suggestion-descriptions.ts';

describe('describeOption', () => {
  it('describes a subject by lab, sex, birth date and responsible user', () => {
    const row = {
      nickname: 'KS005',
      lab: 'cortexlab',
      sex: 'M',
      birth_date: '2019-01-02',
      responsible_user: 'alice',
    };
    expect(describeOption('subjects', row, 'nickname')).toBe('cortexlab · M · 2019-01-02 · alice');
  });

  it('joins a user’s first and last name, and skips what is empty', () => {
    const row = { username: '12', first_name: 'Ada', last_name: '', email: null };
    expect(describeOption('users', row, 'username')).toBe('Ada');
  });

  it('shortens datetimes and long text, and reads nested fields', () => {
    const session = { id: 'x', subject: 'KS005', start_time: '2020-03-04T09:08:07.123456', number: 2 };
    expect(describeOption('sessions', session, 'id')).toBe('KS005 · 2020-03-04 09:08 · 2');
    const insertion = { id: 'y', name: 'probe00', session_info: { subject: 'KS005' } };
    expect(describeOption('insertions', insertion, 'id')).toBe('probe00 · KS005');
    const long = describeOption('projects', { name: 'p', description: 'x'.repeat(5000) }, 'name');
    expect(long.length).toBeLessThanOrEqual(60);
  });

  it('never repeats the lookup, and ignores objects, arrays and inherited keys', () => {
    expect(describeOption('labs', { name: 'lab', institution: 'lab' }, 'name')).toBe('');
    const hostile = JSON.parse('{"id":"z","name":{"toString":1},"__proto__":{"description":"inherited"}}');
    expect(describeOption('unknown-endpoint', hostile, 'id')).toBe('');
    expect(describeOption('unknown-endpoint', { id: 'z', name: 'first', description: 'second' }, 'id')).toBe(
      'first',
    );
  });
});
