import { InputBase } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import { paths } from '../../config/paths.ts';

/** Mantine's selector chevron, drawn here: NativeSelect's would bring the Combobox styles into the shell. */
function Chevron() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 15 15"
      fill="none"
      aria-hidden="true"
      focusable="false"
      style={{ color: 'light-dark(var(--mantine-color-gray-6), var(--mantine-color-dark-3))' }}
    >
      <path
        d="M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z"
        fill="currentColor"
        fillRule="evenodd"
        clipRule="evenodd"
      />
    </svg>
  );
}

function groupByKind(instances: readonly InstanceConfig[]): [string | undefined, InstanceConfig[]][] {
  const groups = new Map<string | undefined, InstanceConfig[]>();
  for (const instance of instances) {
    const members = groups.get(instance.kind) ?? [];
    members.push(instance);
    groups.set(instance.kind, members);
  }
  return [...groups];
}

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
    <InputBase
      component="select"
      aria-label="Instance"
      size="sm"
      w={140}
      visibleFrom="sm"
      pointer
      rightSection={<Chevron />}
      rightSectionPointerEvents="none"
      value={current ?? ''}
      onChange={(event) => {
        const name = event.currentTarget.value;
        void navigate(name ? paths.instance(name) : paths.home());
      }}
    >
      {/* Also the way home below md, where the brand link gives its room to the instance's kind. */}
      <option value="">{current === undefined ? 'Instance…' : 'All instances…'}</option>
      {groupByKind(instances).map(([kind, members]) => {
        const options = members.map((instance) => (
          <option key={instance.name} value={instance.name}>
            {instance.name}
          </option>
        ));
        // Grouped under their kind, so the closed select stays the bare name beside its badge.
        return kind ? (
          <optgroup key={kind} label={kind}>
            {options}
          </optgroup>
        ) : (
          options
        );
      })}
    </InputBase>
  );
}
