import { normalizeParams, type NormalizedParams, type ParamsInput } from '../http/params.ts';

/** Query keys (STYLE.md): everything of an instance sits under `['alyx', instance]`, so logout and writes invalidate by prefix. */
export const alyxKeys = {
  instance: (instance: string) => ['alyx', instance] as const,
  endpoint: (instance: string, endpoint: string) => ['alyx', instance, endpoint] as const,
  lists: (instance: string, endpoint: string) => ['alyx', instance, endpoint, 'list'] as const,
  list: (instance: string, endpoint: string, params?: ParamsInput) =>
    ['alyx', instance, endpoint, 'list', normalizeParams(params)] as readonly [
      'alyx',
      string,
      string,
      'list',
      NormalizedParams,
    ],
  details: (instance: string, endpoint: string) => ['alyx', instance, endpoint, 'detail'] as const,
  detail: (instance: string, endpoint: string, lookup: string | number) =>
    ['alyx', instance, endpoint, 'detail', String(lookup)] as const,
  schema: (instance: string) => ['alyx', instance, 'schema'] as const,
  resolve: (instance: string, input: string) => ['alyx', instance, 'resolve', input.trim()] as const,
  instances: () => ['explorer', 'instances'] as const,
};
