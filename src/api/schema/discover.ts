/**
 * Builds the API model of an instance from whatever it offers: OpenAPI (`/api/schema`), CoreAPI
 * (`/docs/`), the root list (`/`), and per-endpoint OPTIONS for endpoints that still lack fields.
 * Each source may fail; only when none works does discovery throw.
 */

import { inferDetailRoutes } from './detail-routes.ts';
import type { AlyxClient } from '../http/client.ts';
import { AlyxError, isAlyxError } from '../http/errors.ts';
import type { ApiModel, EndpointModel } from './model.ts';
import { mergeModels } from './merge.ts';
import { parseOpenApi } from './parse-openapi.ts';
import { applyRelations } from './relations.ts';

export interface DiscoverOptions {
  signal?: AbortSignal;
  /** Skip OPTIONS probing (e.g. public accounts, which are refused it). */
  skipOptions?: boolean;
  /** Cap on OPTIONS requests, to stay far below throttling limits. */
  maxOptionsRequests?: number;
  /** Also read CoreAPI and the root list when OpenAPI answered (diagnostics, tests). */
  allSources?: boolean;
  /** Called per source that failed, for diagnostics. */
  onSourceError?: (source: string, error: unknown) => void;
}

export interface SourceAttempt {
  source: 'openapi' | 'coreapi' | 'root' | 'options';
  ok: boolean;
  error?: unknown;
}

const OPTIONS_CONCURRENCY = 4;

async function attempt<T>(
  source: SourceAttempt['source'],
  run: () => Promise<T>,
  attempts: SourceAttempt[],
  options: DiscoverOptions,
): Promise<T | undefined> {
  try {
    const value = await run();
    attempts.push({ source, ok: true });
    return value;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    attempts.push({ source, ok: false, error });
    options.onSourceError?.(source, error);
    return undefined;
  }
}

function needsOptions(endpoint: EndpointModel): boolean {
  return endpoint.browsable && endpoint.listFields.length === 0 && endpoint.detailFields.length === 0;
}

async function probeOptions(
  client: AlyxClient,
  model: ApiModel,
  options: DiscoverOptions,
  attempts: SourceAttempt[],
): Promise<ApiModel | undefined> {
  const todo = Object.values(model.endpoints)
    .filter(needsOptions)
    .slice(0, options.maxOptionsRequests ?? 60);
  if (todo.length === 0) return undefined;
  // Loaded only when needed: with OpenAPI (every Alyx since 2024) no endpoint lacks fields (ADR 0022).
  const { parseOptions } = await import('./parse-options.ts');
  const found: Record<string, EndpointModel> = {};
  let refused = false;
  const queue = [...todo];
  const worker = async (): Promise<void> => {
    for (let endpoint = queue.shift(); endpoint && !refused; endpoint = queue.shift()) {
      try {
        const doc = await client.options(`/${endpoint.name}`, {
          signal: options.signal,
          expectFailure: true,
        });
        found[endpoint.name] = parseOptions(endpoint.name, doc, 'list');
      } catch (error) {
        if (options.signal?.aborted) throw error;
        // A 403 means this account may not use OPTIONS at all: stop asking.
        if (
          isAlyxError(error) &&
          (error.kind === 'forbidden' || error.kind === 'unauthorized' || error.kind === 'throttled')
        )
          refused = true;
        options.onSourceError?.('options', error);
      }
    }
  };
  await Promise.all(Array.from({ length: OPTIONS_CONCURRENCY }, worker));
  const ok = Object.keys(found).length > 0;
  attempts.push({ source: 'options', ok });
  return ok ? { endpoints: found, sources: ['options'], builtAt: model.builtAt } : undefined;
}

/**
 * The model an instance's OpenAPI document alone gives, as discoverApi builds it when OpenAPI
 * answers and OPTIONS adds nothing: the server's first paint renders from it (src/app/prerender).
 */
export function modelFromOpenApi(doc: unknown, builtAt: number): ApiModel {
  return applyRelations(inferDetailRoutes(mergeModels([parseOpenApi(doc, builtAt)], builtAt)));
}

export async function discoverApi(client: AlyxClient, options: DiscoverOptions = {}): Promise<ApiModel> {
  const attempts: SourceAttempt[] = [];
  const signal = options.signal;
  const builtAt = Date.now();

  const fetchOpenApi = async (): Promise<ApiModel> =>
    parseOpenApi(
      await client.get('/api/schema', { format: 'json' }, { signal, expectFailure: true }),
      builtAt,
    );
  // The fallback parsers load on demand, keeping them out of the first screen's code (ADR 0022).
  const fetchCoreApi = async (): Promise<ApiModel> => {
    const doc = await client.get('/docs/', undefined, {
      signal,
      accept: 'application/coreapi+json',
      expectFailure: true,
    });
    return (await import('./parse-coreapi.ts')).parseCoreApi(doc, builtAt);
  };
  const fetchRoot = async (): Promise<ApiModel> => {
    const doc = await client.get('/', undefined, { signal, expectFailure: true });
    return (await import('./parse-root.ts')).parseRoot(doc, builtAt);
  };

  // OpenAPI is complete where it exists; the frozen CoreAPI document (throttled at 20/min) and the
  // root list are only asked for when it is missing, unless every source is wanted.
  const openapi = await attempt('openapi', fetchOpenApi, attempts, options);
  const [coreapi, root] =
    openapi && !options.allSources
      ? [undefined, undefined]
      : await Promise.all([
          attempt('coreapi', fetchCoreApi, attempts, options),
          attempt('root', fetchRoot, attempts, options),
        ]);
  const parts = [openapi, coreapi, root].filter((model): model is ApiModel => model !== undefined);
  if (parts.length === 0) {
    const causes = attempts.map(
      (item) => `${item.source}: ${item.error instanceof Error ? item.error.message : String(item.error)}`,
    );
    const first = attempts.find((item) => isAlyxError(item.error))?.error as AlyxError | undefined;
    throw new AlyxError({
      kind:
        first?.kind === 'network' ? 'network' : first?.kind === 'unauthorized' ? 'unauthorized' : 'malformed',
      status: first?.status ?? null,
      path: '/api/schema',
      detail: `No schema source answered (OpenAPI /api/schema, CoreAPI /docs/, endpoint list /). ${causes.join('; ')}`,
      cause: first,
    });
  }
  let model = mergeModels(parts, builtAt);
  if (!options.skipOptions) {
    const fromOptions = await probeOptions(client, model, options, attempts);
    if (fromOptions) model = mergeModels([...parts, fromOptions], builtAt);
  }
  return applyRelations(inferDetailRoutes(model));
}
