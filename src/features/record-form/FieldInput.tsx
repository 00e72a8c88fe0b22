import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/CheckboxCard.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import {
  Button,
  Checkbox,
  Group,
  Input,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { lazy, memo, Suspense, useCallback, useId, type ReactNode } from 'react';
import type { InstanceConfig } from '../../api/instances.ts';
import type { ApiModel, FieldModel } from '../../api/schema/model.ts';
import { MultiRelationPicker, RelationPicker } from '../../components/RelationPicker.tsx';
import { initialCreateValue, toWireValue, type FormValue } from './form-values.ts';
import classes from './FieldInput.module.css';
import { inputKindFor } from './input-kind.ts';

const CodeEditor = lazy(() => import('./CodeEditor.tsx').then((module) => ({ default: module.CodeEditor })));

interface FieldInputProps {
  instance: InstanceConfig;
  model: ApiModel;
  field: FieldModel;
  value: FormValue;
  onChange: (value: FormValue) => void;
  /** A client-side or server message for this field. */
  error?: string | null;
  required: boolean;
  disabled: boolean;
}

function textOf(value: FormValue): string {
  return typeof value === 'string' ? value : '';
}

/** The label with the field's name as Alyx spells it (what the ONE call and curl use). */
function labelOf(field: FieldModel): string {
  return field.name;
}

/** One input per writable field, chosen by the one table in input-kind.ts. */
function EditableInput({
  instance,
  model,
  field,
  value,
  onChange,
  error,
  required,
  disabled,
}: FieldInputProps) {
  const kind = inputKindFor(field);
  const common = {
    label: labelOf(field),
    description: field.description,
    error: error ?? undefined,
    required,
    disabled,
    size: 'sm' as const,
  };
  const jsonLabel = useId();
  const jsonHelp = useId();
  switch (kind) {
    case 'boolean':
      return (
        <Checkbox
          label={labelOf(field)}
          description={field.description}
          error={error ?? undefined}
          checked={value === true}
          disabled={disabled}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'select':
      return (
        <NativeSelect
          {...common}
          value={textOf(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[
            { value: '', label: '—' },
            ...(field.choices ?? []).map((c) => ({
              value: c.value,
              label: c.label === c.value ? c.value : `${c.label} (${c.value})`,
            })),
          ]}
        />
      );
    case 'relation':
      return (
        <RelationPicker
          {...common}
          instance={instance}
          model={model}
          endpoint={field.relation?.endpoint ?? ''}
          field={field.relation?.lookup ?? 'id'}
          value={textOf(value)}
          onChange={onChange}
        />
      );
    case 'multi-relation':
      return (
        <MultiRelationPicker
          {...common}
          instance={instance}
          model={model}
          endpoint={field.relation?.endpoint ?? ''}
          field={field.relation?.lookup ?? 'id'}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        />
      );
    case 'list':
      return (
        <Textarea
          {...common}
          description={[field.description, 'One value per line.'].filter(Boolean).join(' ')}
          rows={2}
          classNames={{ input: classes.grows }}
          value={Array.isArray(value) ? value.join('\n') : ''}
          onChange={(event) => onChange(event.currentTarget.value.split('\n'))}
        />
      );
    case 'textarea':
      return (
        <Textarea
          {...common}
          rows={3}
          classNames={{ input: classes.grows }}
          value={textOf(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'integer':
    case 'decimal': {
      const bounds = boundsHint(field);
      return (
        <TextInput
          {...common}
          inputMode={kind === 'integer' ? 'numeric' : 'decimal'}
          value={textOf(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
          rightSection={
            bounds ? (
              <Text size="xs" c="dimmed" pr="xs" style={{ whiteSpace: 'nowrap' }}>
                {bounds}
              </Text>
            ) : undefined
          }
          rightSectionWidth={bounds ? 90 : undefined}
        />
      );
    }
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={textOf(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'datetime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          step={1}
          description={[field.description, 'Lab-local time, as Alyx stores it (no timezone).']
            .filter(Boolean)
            .join(' ')}
          value={textOf(value).slice(0, 19)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'json': {
      const text = textOf(value);
      const parsed = toWireValue(field, text);
      return (
        <Input.Wrapper
          label={labelOf(field)}
          labelProps={{ id: jsonLabel }}
          description={field.description}
          descriptionProps={{ id: jsonHelp }}
          error={error ?? undefined}
          required={required}
        >
          <Stack gap={4}>
            <Suspense fallback={<Text size="xs">Loading the JSON editor…</Text>}>
              <CodeEditor
                value={text}
                onChange={onChange}
                labelledBy={jsonLabel}
                describedBy={jsonHelp}
                disabled={disabled}
              />
            </Suspense>
            <Group gap="xs">
              <Button
                size="compact-xs"
                variant="default"
                disabled={disabled || !parsed.ok || parsed.unset}
                onClick={() => parsed.ok && onChange(JSON.stringify(parsed.value, null, 2))}
              >
                Format
              </Button>
              <Text size="xs" c={parsed.ok ? 'dimmed' : 'red'} role={parsed.ok ? undefined : 'status'}>
                {parsed.ok ? (parsed.unset ? 'Empty' : 'Valid JSON') : 'Not valid JSON yet'}
              </Text>
            </Group>
          </Stack>
        </Input.Wrapper>
      );
    }
    default:
      return (
        <TextInput
          {...common}
          value={textOf(value)}
          maxLength={undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

/**
 * A field's input, with the explicit "empty (null)" choice of nullable fields: null is not the
 * empty string, and a user must be able to say which one is meant.
 */
function NullableInput(props: FieldInputProps): ReactNode {
  const { field, value, onChange, disabled } = props;
  if (!field.nullable) return <EditableInput {...props} />;
  const isNull = value === null;
  return (
    <Stack gap={4}>
      {isNull ? (
        <Input.Wrapper
          label={labelOf(field)}
          description={field.description}
          error={props.error ?? undefined}
        >
          <Text size="sm" c="dimmed" fs="italic" data-testid={`null-${field.name}`}>
            empty (null)
          </Text>
        </Input.Wrapper>
      ) : (
        <EditableInput {...props} />
      )}
      <Checkbox
        size="xs"
        label={`${field.name}: empty (null)`}
        checked={isNull}
        disabled={disabled}
        onChange={(event) =>
          onChange(event.currentTarget.checked ? null : initialCreateValue({ ...field, nullable: false }))
        }
      />
    </Stack>
  );
}

/**
 * One field of the form. Memoised with a change handler that takes the field's name, so typing
 * in one field re-renders that field only (forms have 20 and more).
 */
export const FieldInput = memo(function FieldInput({
  onFieldChange,
  ...props
}: Omit<FieldInputProps, 'onChange'> & { onFieldChange: (name: string, value: FormValue) => void }) {
  const name = props.field.name;
  const onChange = useCallback((value: FormValue) => onFieldChange(name, value), [onFieldChange, name]);
  return <NullableInput {...props} onChange={onChange} />;
});

// Django's column limits (SmallIntegerField, IntegerField, BigIntegerField: ±2^15, ±2^31, ±2^63) say
// nothing to a user.
function isStorageLimit(n: number): boolean {
  return [15, 31, 63].some((bits) => Math.abs(Math.abs(n) - 2 ** bits) <= 1);
}

/** "0–100", "≥ 0", "≤ 5", or null when the only bounds are the column's storage limits. */
function boundsHint(field: FieldModel): string | null {
  const min = field.minimum !== undefined && !isStorageLimit(field.minimum) ? field.minimum : undefined;
  const max = field.maximum !== undefined && !isStorageLimit(field.maximum) ? field.maximum : undefined;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return null;
}
