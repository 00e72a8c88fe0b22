import { NativeSelect } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import { paths } from '../../config/paths.ts';

export function InstanceSwitcher({
  instances,
  current,
}: {
  instances: readonly InstanceConfig[];
  current: string | undefined;
}) {
  const navigate = useNavigate();
  if (instances.length === 0) return null;
  return (
    <NativeSelect
      aria-label="Instance"
      size="sm"
      w={140}
      visibleFrom="sm"
      value={current ?? ''}
      onChange={(event) => {
        const name = event.currentTarget.value;
        void navigate(name ? paths.instance(name) : paths.home());
      }}
      data={[
        ...(current === undefined ? [{ value: '', label: 'Instance…' }] : []),
        ...instances.map((instance) => ({ value: instance.name, label: instance.name })),
      ]}
    />
  );
}
