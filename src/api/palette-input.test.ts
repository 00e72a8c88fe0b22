import { describe, expect, it } from 'vitest';
import { parseAlfPath, parsePaletteInput } from './palette-input.ts';

const SESSION = { subject: 'KS005', date: '2019-04-11', number: 1 };

describe('parseAlfPath', () => {
  it.each([
    ['KS005/2019-04-11/001', SESSION],
    ['KS005/2019-04-11/1', SESSION],
    ['cortexlab/Subjects/KS005/2019-04-11/001', { ...SESSION, lab: 'cortexlab' }],
    ['/mnt/s0/Data/Subjects/KS005/2019-04-11/001', { ...SESSION, lab: 'Data' }],
    ['/mnt/s0/Data/KS005/2019-04-11/001/', SESSION],
    ['https://example.org/cortexlab/Subjects/KS005/2019-04-11/001', { ...SESSION, lab: 'cortexlab' }],
    ['C:\\Data\\cortexlab\\Subjects\\KS005\\2019-04-11\\001', { ...SESSION, lab: 'cortexlab' }],
    ['KS005/2019-04-11/001/alf', { ...SESSION, collection: 'alf' }],
    [
      'cortexlab/Subjects/KS005/2019-04-11/001/alf/probe00/spikes.times.npy',
      { ...SESSION, lab: 'cortexlab', collection: 'alf/probe00', file: 'spikes.times.npy' },
    ],
    ['KS005/2019-04-11/001/_ibl_trials.table.pqt', { ...SESSION, file: '_ibl_trials.table.pqt' }],
    [
      '/mnt/s0/Data/Subjects/KS005/2019-04-11/001/alf/#2021-03-01#/_ibl_trials.table.pqt',
      { ...SESSION, lab: 'Data', collection: 'alf', revision: '2021-03-01', file: '_ibl_trials.table.pqt' },
    ],
    [
      'https://ibl.flatironinstitute.org/mainenlab/Subjects/ZFM-01935/2021-02-05/001/alf/_ibl_wheelMoves.peakAmplitude.0b305d2f-04dc-4ef1-be1c-db18931391ac.npy',
      {
        lab: 'mainenlab',
        subject: 'ZFM-01935',
        date: '2021-02-05',
        number: 1,
        collection: 'alf',
        file: '_ibl_wheelMoves.peakAmplitude.npy',
      },
    ],
    ['KS%20005/2019-04-11/002', { subject: 'KS 005', date: '2019-04-11', number: 2 }],
  ])('%s', (text, expected) => {
    // `KS 005` has a space: not a nickname Alyx makes, so not an ALF path.
    if (text.startsWith('KS%20')) expect(parseAlfPath(text)).toBeNull();
    else expect(parseAlfPath(text)).toEqual(expected);
  });

  it.each([
    'KS005/2019-13-01/001',
    'KS005/2019-02-30/001',
    'KS005/2019-04-11',
    'KS005/2019-04-11/0001',
    'KS005/20190411/001',
    '/sessions/2019-04-11/abc',
    '',
  ])('rejects %s', (text) => {
    expect(parseAlfPath(text)).toBeNull();
  });
});

describe('parsePaletteInput', () => {
  it('tells each kind apart', () => {
    expect(parsePaletteInput('  ')).toEqual({ kind: 'empty' });
    expect(parsePaletteInput('KS005/2019-04-11/001').kind).toBe('alf');
    expect(parsePaletteInput('https://alyx.example.org/cortexlab/Subjects/KS005/2019-04-11/001').kind).toBe(
      'alf',
    );
    expect(parsePaletteInput('https://alyx.example.org/sessions/x')).toEqual({
      kind: 'url',
      url: 'https://alyx.example.org/sessions/x',
    });
    expect(parsePaletteInput('/sessions?subject=KS005')).toEqual({
      kind: 'path',
      path: '/sessions?subject=KS005',
    });
    expect(parsePaletteInput(' 0B305D2F-04DC-4EF1-BE1C-DB18931391AC ')).toEqual({
      kind: 'uuid',
      uuid: '0b305d2f-04dc-4ef1-be1c-db18931391ac',
    });
    expect(parsePaletteInput('0B305D2F')).toEqual({ kind: 'id-prefix', prefix: '0b305d2f' });
    expect(parsePaletteInput('KS005')).toEqual({ kind: 'word', text: 'KS005' });
    expect(parsePaletteInput('sessions?subject=KS005')).toEqual({
      kind: 'word',
      text: 'sessions?subject=KS005',
    });
    expect(parsePaletteInput('toggle theme')).toEqual({ kind: 'text', text: 'toggle theme' });
  });
});
