import { describe, expect, it } from 'vitest';
import { endpointForName, fieldRelation } from '../api/schema/relations.ts';
import { endpointOf, testModel } from '../testing/browse-model.ts';
import { resolveValueLink, type LinkContext } from './value-links.ts';

const model = testModel();
const ctx: LinkContext = {
  instance: 'sandbox',
  model,
  bases: ['http://127.0.0.1:8000', '/api/sandbox', 'http://127.0.0.1:5181/api/sandbox'],
};
const uuid = 'd3372b15-f696-4279-9be5-98f15783b5bb';

describe('resolveValueLink', () => {
  it('links a slug relation to the target record', () => {
    const relation = fieldRelation(endpointOf(model, 'sessions'), 'subject');
    expect(resolveValueLink(ctx, 'subject', 'KS005', relation)).toEqual({
      kind: 'app',
      to: '/sandbox/subjects/KS005',
      endpoint: 'subjects',
      lookup: 'KS005',
    });
  });
  it('turns absolute Alyx URLs (instance or proxy base) into explorer routes', () => {
    expect(
      resolveValueLink(ctx, 'session', `http://127.0.0.1:5181/api/sandbox/sessions/${uuid}`),
    ).toMatchObject({
      kind: 'app',
      to: `/sandbox/sessions/${uuid}`,
    });
    expect(resolveValueLink(ctx, 'url', `http://127.0.0.1:8000/subjects/KS%20005`)).toMatchObject({
      to: '/sandbox/subjects/KS%20005',
      lookup: 'KS 005',
    });
  });
  it('guesses the endpoint of a foreign-host Alyx URL only for relation-like fields', () => {
    const foreign = `https://test.alyx.internationalbrainlab.org/sessions/${uuid}`;
    expect(resolveValueLink(ctx, 'session', foreign)).toMatchObject({
      kind: 'app',
      to: `/sandbox/sessions/${uuid}`,
    });
    const dataUrl = 'https://ibl.flatironinstitute.org/cortexlab/Subjects/KS005/alf/x.npy';
    expect(resolveValueLink(ctx, 'data_url', dataUrl)).toEqual({ kind: 'external', href: dataUrl });
  });
  it('links a bare UUID by field name when the target uses id lookups', () => {
    expect(resolveValueLink(ctx, 'session', uuid)).toMatchObject({ to: `/sandbox/sessions/${uuid}` });
    expect(resolveValueLink(ctx, 'unrelated', uuid)).toBeNull();
  });
  it('falls back to a filtered list when the lookup differs from the target detail lookup', () => {
    // users are looked up by username; a UUID can only be filtered on when the endpoint has an id filter
    expect(resolveValueLink(ctx, 'user', uuid)).toBeNull();
    expect(resolveValueLink(ctx, 'lab', 'cortexlab')).toMatchObject({ to: '/sandbox/labs/cortexlab' });
  });
  it('links slugs of nested objects by field name (dataset_type, created_by)', () => {
    expect(resolveValueLink(ctx, 'dataset_type', 'spikes.times')).toMatchObject({
      to: '/sandbox/dataset-types/spikes.times',
    });
    expect(resolveValueLink(ctx, 'created_by', 'alice')).toMatchObject({ to: '/sandbox/users/alice' });
  });
  it('ignores empty values, booleans and objects', () => {
    expect(resolveValueLink(ctx, 'subject', '')).toBeNull();
    expect(resolveValueLink(ctx, 'subject', true)).toBeNull();
    expect(resolveValueLink(ctx, 'subject', { a: 1 })).toBeNull();
  });
});

describe('endpointForName', () => {
  it('maps nested serializer names to endpoints the instance has', () => {
    expect(endpointForName(model, 'data_dataset_session_related')?.name).toBe('datasets');
    expect(endpointForName(model, 'weighings')?.name).toBe('weighings');
    expect(endpointForName(model, 'field_of_view')).toBeUndefined();
  });
});
