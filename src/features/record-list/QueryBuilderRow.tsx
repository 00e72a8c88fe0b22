import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/CheckboxCard.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import { useEffect, useRef } from 'react';
import classes from './QueryBuilder.module.css';
import {
  Autocomplete,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  isJsonKind,
  lookupsFor,
  optionFor,
  type DjangoFieldOption,
  type PathKind,
} from '../../lib/django-fields.ts';
import { valueHint, type DjangoRow, type RowProblem } from '../../lib/django-query.ts';
import { useDropdownAria } from '../../components/use-dropdown-aria.ts';

interface QueryBuilderRowProps {
  index: number;
  row: DjangoRow;
  options: readonly DjangoFieldOption[];
  paths: readonly string[];
  problem: RowProblem | null;
  /** Focus the field box (a row just added, or the first when the builder opens). */
  focus: boolean;
  onChange: (row: DjangoRow) => void;
  onRemove: () => void;
}

function describePath(option: DjangoFieldOption | undefined, path: string): string {
  if (path.trim() === '') return 'Pick one, or type any Django path';
  if (!option) return 'Not in the schema: sent as typed';
  if (option.kind === 'relation') return `Relation to ${option.target ?? '?'}: add __field to go through it`;
  if (isJsonKind(option.kind))
    return option.path === path ? 'JSON: add __key__subkey for a path' : `A key path in ${option.path}`;
  return kindLabel(option.kind);
}

function kindLabel(kind: PathKind): string {
  return kind === 'text' ? 'long text' : kind;
}

/** One `field__lookup,value` pair: field (suggested), lookup (by the field's kind), value, NOT. */
export function QueryBuilderRow({
  index,
  row,
  options,
  paths,
  problem,
  focus,
  onChange,
  onRemove,
}: QueryBuilderRowProps) {
  const onDropdownOpen = useDropdownAria();
  const n = index + 1;
  const fieldRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) fieldRef.current?.focus();
  }, [focus]);
  const option = optionFor(options, row.field);
  const lookups = lookupsFor(option?.kind);
  const shown = row.lookup === '' || lookups.includes(row.lookup) ? lookups : [row.lookup, ...lookups];
  const changeField = (field: string) => {
    const next = lookupsFor(optionFor(options, field)?.kind);
    // A lookup the new field's kind does not take would only earn a FieldError.
    const lookup = row.lookup === '' || next.includes(row.lookup) ? row.lookup : (next[0] ?? '');
    onChange({ ...row, field, lookup });
  };
  return (
    <Paper withBorder p="xs" radius="sm" role="group" aria-label={`Condition ${n}`}>
      <Stack gap={4}>
        <Group gap="sm" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Text size="xs" fw={600}>
              Condition {n}
            </Text>
            <Checkbox
              size="xs"
              label="NOT"
              aria-label={`NOT (exclude, ~) condition ${n}`}
              checked={row.negate}
              onChange={(event) => onChange({ ...row, negate: event.currentTarget.checked })}
            />
          </Group>
          <Button
            size="xs"
            variant="subtle"
            color="gray"

            onClick={onRemove}
            aria-label={`Remove condition ${n}`}
          >
            Remove
          </Button>
        </Group>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <Autocomplete
            onDropdownOpen={onDropdownOpen}
            size="xs"
            style={{ flex: '2 1 220px' }}
            label="Field"
            aria-label={`Field of condition ${n}`}
            description={describePath(option, row.field)}
            placeholder="subject__nickname"
            data={paths as string[]}
            limit={60}
            value={row.field}
            onChange={changeField}
            error={problem?.part === 'field' ? problem.message : undefined}
            classNames={{ error: classes.error, input: classes.input }}
            ref={fieldRef}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <NativeSelect
            size="xs"
            style={{ flex: '0 1 150px' }}
            label="Lookup"
            aria-label={`Lookup of condition ${n}`}
            description="How to compare"
            value={row.lookup}
            onChange={(event) => onChange({ ...row, lookup: event.currentTarget.value })}
            data={[
              { value: '', label: '(none: exact)' },
              ...shown.map((lookup) => ({ value: lookup, label: lookup })),
            ]}
          />
          <TextInput
            size="xs"
            style={{ flex: '2 1 200px' }}
            label="Value"
            aria-label={`Value of condition ${n}`}
            description={valueHint(row.lookup)}
            value={row.value}
            onChange={(event) => onChange({ ...row, value: event.currentTarget.value })}
            error={problem?.part === 'value' ? problem.message : undefined}
            classNames={{ error: classes.error, input: classes.input }}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Group>
      </Stack>
    </Paper>
  );
}
