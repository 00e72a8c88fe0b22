import { ActionIcon } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { alyxKeys, isSchemaKey } from '../../api/queries/keys.ts';
import { IconRefresh } from '../../components/icons.tsx';

/** Refetches the instance's records shown on screen; the schema has its own refresh on the overview page. */
export function RefreshButton({ instance }: { instance: string }) {
  const queryClient = useQueryClient();
  const refresh = (): void => {
    void queryClient.invalidateQueries({
      queryKey: alyxKeys.instance(instance),
      predicate: (query) => !isSchemaKey(query.queryKey, instance),
    });
  };
  return (
    <ActionIcon variant="default" size="lg" aria-label="Reload data" title="Reload data" onClick={refresh}>
      <IconRefresh />
    </ActionIcon>
  );
}
