import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InstanceConfig } from '../api/instances.ts';
import { suggestionsQuery } from '../api/queries/suggestions.ts';
import type { ApiModel } from '../api/schema/model.ts';

interface RelationPickerProps {
  instance: InstanceConfig;
  model: ApiModel;
  label: string;
  description?: string;
  endpoint: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
}

const SUGGESTIONS = 50;

/**
 * Suggests existing values of the target endpoint as the user types. Endpoints with `django=`
 * are searched on the server (subjects can be thousands); small ones are loaded once.
 */
export function RelationPicker({
  instance,
  model,
  label,
  description,
  endpoint,
  field,
  value,
  onChange,
}: RelationPickerProps) {
  const [typed] = useDebouncedValue(value, 250);
  const searchable = model.endpoints[endpoint]?.filters.some((f) => f.name === 'django') ?? false;
  const query = useQuery({
    ...suggestionsQuery(instance, endpoint, field, typed, searchable),
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? [];

  return (
    <Autocomplete
      size="xs"
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      data={data}
      limit={SUGGESTIONS}
      clearable
      placeholder={`${endpoint} ${field}`}
      filter={({ options }) => options}
    />
  );
}
