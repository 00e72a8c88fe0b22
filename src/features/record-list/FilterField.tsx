import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/FloatingIndicator.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/NumberInput.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import { Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { FilterInput } from './filter-inputs.ts';
import { joinDateRange, splitDateRange } from './filter-inputs.ts';
import { RelationPicker } from '../../components/RelationPicker.tsx';
import { useListContext } from './list-context.ts';
import { useDropdownAria } from '../../components/use-dropdown-aria.ts';

interface FilterFieldProps {
  input: FilterInput;
  value: string;
  onChange: (value: string) => void;
}

const BOOLEAN_OPTIONS = [
  { value: '', label: 'any' },
  { value: 'true', label: 'yes' },
  { value: 'false', label: 'no' },
];

const DATE_BOX = { flex: '1 1 8.5rem', minWidth: 0 } as const;

/** One typed filter input; its value is always the query-string text Alyx receives. */
export function FilterField({ input, value, onChange }: FilterFieldProps) {
  const onDropdownOpen = useDropdownAria();
  const { filter } = input;
  const { instance, model } = useListContext();
  const label = filter.name;
  const description = filter.description && filter.description.length < 90 ? filter.description : undefined;
  switch (input.kind) {
    case 'boolean':
      return (
        <Stack gap={2}>
          <Text size="xs" fw={500} id={`filter-${filter.name}-label`}>
            {label}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby={`filter-${filter.name}-label`}
            data={BOOLEAN_OPTIONS}
            value={/^(true|false)$/i.test(value) ? value.toLowerCase() : ''}
            onChange={onChange}
          />
        </Stack>
      );
    case 'choice':
      return (
        <Select
          onDropdownOpen={onDropdownOpen}
          size="xs"
          label={label}
          description={description}
          clearable
          searchable
          data={(input.choices ?? filter.choices ?? []).map((c) => ({ value: c.value, label: c.label }))}
          value={value || null}
          onChange={(next) => onChange(next ?? '')}
        />
      );
    case 'number':
      return (
        <NumberInput
          size="xs"
          label={label}
          description={description}
          value={value}
          allowDecimal={filter.kind !== 'integer'}
          onChange={(next) => onChange(String(next))}
        />
      );
    case 'date':
      return (
        <TextInput
          size="xs"
          type="date"
          label={label}
          description={description}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'datetime':
      return (
        <TextInput
          size="xs"
          label={label}
          description={description ?? 'Lab-local time, no offset'}
          placeholder="YYYY-MM-DDTHH:MM:SS"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date_range': {
      const [from, to] = splitDateRange(value);
      return (
        // Two date boxes do not fit a narrow grid cell side by side: "to" wraps under "from".
        <Group gap={4} wrap="wrap" align="flex-end">
          <TextInput
            size="xs"
            type="date"
            style={DATE_BOX}
            label={`${label} from`}
            value={from}
            onChange={(e) => onChange(joinDateRange(e.currentTarget.value, to))}
          />
          <TextInput
            size="xs"
            type="date"
            style={DATE_BOX}
            label="to"
            value={to}
            onChange={(e) => onChange(joinDateRange(from, e.currentTarget.value))}
          />
        </Group>
      );
    }
    case 'relation':
      return input.source ? (
        <RelationPicker
          instance={instance}
          model={model}
          label={label}
          description={description}
          endpoint={input.source.endpoint}
          field={input.source.field}
          value={value}
          onChange={onChange}
        />
      ) : null;
    case 'uuid':
      return (
        <TextInput
          size="xs"
          label={label}
          description={description}
          placeholder="UUID"
          value={value}
          error={value && !/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i.test(value.trim()) ? 'Not a UUID' : undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'text':
      return (
        <TextInput
          size="xs"
          label={label}
          description={description}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
