import { describe, expect, it } from 'vitest';
import { resources } from '../resources/registry.ts';
import { CheckingSink } from './checking-sink.ts';

describe('CheckingSink', () => {
  it('flags dangling references, unknown columns and undeclared choices', async () => {
    const sink = new CheckingSink(resources);
    await sink.insertMany('labs', [{ id: 'lab-1', name: 'cortexlab' }]);
    await sink.insertMany('sessions', [
      { id: 's-1', lab: 'lab-1', qc: 10, projects: [] },
      { id: 's-2', lab: 'lab-404', qc: 11, projects: ['p-404'], colour: 'blue' },
    ]);
    expect(sink.problems).toEqual([
      'sessions.lab: lab-404 not in labs (row s-2)',
      'sessions.qc: 11 is not a declared choice',
      'sessions.projects: p-404 not in projects',
      'sessions.colour: not a declared column',
    ]);
    expect(sink.has('sessions', 's-1')).toBe(true);
  });
});
