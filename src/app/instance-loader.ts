import type { QueryClient } from '@tanstack/react-query';
import { data, redirect, type LoaderFunctionArgs } from 'react-router';
import { findInstance, type InstanceConfig } from '../api/instances.ts';
import { instancesQuery } from '../api/queries/instances-query.ts';
import { apiModelQuery } from '../api/queries/schema-query.ts';
import { parseAppPath, paths } from '../config/paths.ts';
import { tokenFromOtherTabs } from '../lib/tab-handover.ts';
import { queryClientContext } from './query-context.ts';
import { withoutBase } from '../api/base-path.ts';
import { showsPrerenderedFrame } from './prerender/marker.ts';

/** How long a signed-in view's first render waits for a schema that is not in yet. */
const MODEL_WAIT_MS = 100;
/** While the server-drawn tree is on screen the wait is free: a skeleton would only replace that tree. */
const PRERENDERED_MODEL_WAIT_MS = 1_500;

/** The configured instance named in the URL, or a 404 route error. */
export async function requireInstance({
  context,
  params,
}: Pick<LoaderFunctionArgs, 'context' | 'params'>): Promise<InstanceConfig> {
  const queryClient = context.get(queryClientContext);
  const instances = await queryClient.ensureQueryData(instancesQuery());
  const instance = findInstance(instances, params['instance']);
  if (!instance)
    throw data(`No instance named “${params['instance'] ?? ''}” is configured.`, { status: 404 });
  return instance;
}

/**
 * Views that read data need a token: without one — and none handed over by another open tab (a
 * ctrl-clicked record) — go to login first and come back.
 */
export async function requireSignedIn(
  args: LoaderFunctionArgs,
  {
    start,
    modelWaitMs = showsPrerenderedFrame() ? PRERENDERED_MODEL_WAIT_MS : MODEL_WAIT_MS,
  }: {
    /** The view's own requests, started before the wait for the model so they never queue behind it. */
    start?: (instance: InstanceConfig, queryClient: QueryClient) => void;
    modelWaitMs?: number;
  } = {},
): Promise<InstanceConfig> {
  const instance = await requireInstance(args);
  if ((await tokenFromOtherTabs(instance.name)) === null) {
    const url = new URL(args.request.url);
    throw redirect(paths.login(instance.name, `${withoutBase(url.pathname)}${url.search}`));
  }
  // Every signed-in view shows the endpoint tree: start reading the schema now rather than when the
  // layout renders (a no-op while the cached model is fresh). On a cold load the request has been on
  // its way since start-up (warmUp below): waiting a moment for it lets the first render draw the
  // tree rather than a skeleton that is drawn again at once (ADR 0037).
  const queryClient = args.context.get(queryClientContext);
  const model = queryClient.prefetchQuery(apiModelQuery(instance));
  start?.(instance, queryClient);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([model, new Promise((resolve) => (timer = setTimeout(resolve, modelWaitMs)))]);
  clearTimeout(timer);
  return instance;
}

/**
 * At start-up, before any route module has loaded: fetch the instances and, when signed in to the
 * instance in the URL, its schema, so the endpoint tree does not wait for the route chunks first.
 */
export async function warmUp(queryClient: QueryClient, pathname: string): Promise<void> {
  const instances = await queryClient.fetchQuery(instancesQuery()).catch(() => undefined);
  const instance = findInstance(instances ?? [], parseAppPath(pathname).instance);
  if (instance && (await tokenFromOtherTabs(instance.name)) !== null)
    void queryClient.prefetchQuery(apiModelQuery(instance));
}
