import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { isAlyxError } from '../../api/http/errors.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { apiModelQuery, isModelComplete } from '../../api/queries/schema-query.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { paths } from '../../config/paths.ts';

/**
 * The API model to resolve against. Right after login the model is still being built (or only the
 * pre-login one without fields is there): input submitted then waits for it instead of being
 * refused or resolved against a model that knows no id-keyed endpoint — the "pasted UUID goes
 * nowhere right after login" race.
 */
async function modelForLookup(
  queryClient: ReturnType<typeof useQueryClient>,
  instance: InstanceConfig,
): Promise<ApiModel> {
  const options = apiModelQuery(instance);
  const cached = queryClient.getQueryData(options.queryKey);
  const fetching = queryClient.getQueryState(options.queryKey)?.fetchStatus === 'fetching';
  if (cached && (isModelComplete(cached) || !fetching)) return cached;
  return queryClient.fetchQuery(options);
}

/** Resolves pasted text and goes there; resolves to an explanation when it cannot, null when it went. */
export function useGoTo(instance: InstanceConfig, instances: readonly InstanceConfig[]) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(
    async (input: string): Promise<string | null> => {
      const text = input.trim();
      if (!text) return null;
      try {
        const model = await modelForLookup(queryClient, instance);
        // The resolver is only needed once something is submitted: keep it out of the first screen's code.
        const { resolveLookupQuery } = await import('../../api/queries/go-to.ts');
        const target = await queryClient.fetchQuery(resolveLookupQuery(instance, text, model, instances));
        if (!target)
          return `Nothing matches “${text}” on ${instance.name}: not a URL of a configured instance, a known id or id prefix, an ALF path, an endpoint or a subject nickname.`;
        await navigate(paths.target(target.instance, target));
        return null;
      } catch (error) {
        return isAlyxError(error) ? `Could not look it up: ${error.message}` : String(error);
      }
    },
    [instance, instances, navigate, queryClient],
  );
}
