import { Badge, Group, Text } from '@mantine/core';
import type { FieldModel } from '../../api/schema/model.ts';
import { useDetailContext } from './detail-context.ts';
import { JsonBlock } from './JsonBlock.tsx';
import { LongText } from './LongText.tsx';
import { isRecord } from '../../api/values.ts';
import { isLongText, parseJsonField } from './values.ts';
import { ValueLink } from './ValueLink.tsx';

function Empty({ text }: { text: string }) {
  return (
    <Text span c="dimmed" size="sm">
      {text}
    </Text>
  );
}

function Scalar({ name, value, field }: { name: string; value: unknown; field?: FieldModel }) {
  const { resolveLink } = useDetailContext();
  if (value === null || value === undefined) return <Empty text="null" />;
  if (value === '') return <Empty text="(empty)" />;
  if (typeof value === 'boolean') {
    return (
      <Badge size="sm" variant="light" color={value ? 'teal' : 'gray'}>
        {value ? 'true' : 'false'}
      </Badge>
    );
  }
  if (typeof value === 'number')
    return (
      <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {String(value)}
      </Text>
    );
  if (typeof value !== 'string') return <JsonBlock value={value} label={name} />;
  const link = resolveLink(name, value, field?.relation);
  if (link) {
    return (
      <ValueLink link={link} title={value}>
        {value}
      </ValueLink>
    );
  }
  const choice = field?.choices?.find((c) => c.value === value);
  if (choice && choice.label !== choice.value) {
    return (
      <Text span size="sm">
        {choice.label}{' '}
        <Text span c="dimmed" size="xs">
          ({choice.value})
        </Text>
      </Text>
    );
  }
  if (isLongText(value)) return <LongText text={value} label={name} />;
  return (
    <Text span size="sm" style={{ wordBreak: 'break-word' }}>
      {value}
    </Text>
  );
}

/** One field of a record, rendered by its model kind (and its value's shape when the model is silent). */
export function FieldValue({ name, value, field }: { name: string; value: unknown; field?: FieldModel }) {
  const kind = field?.kind;
  if (kind === 'json' || kind === 'object' || isRecord(value))
    return <JsonBlock value={value} label={name} />;
  if (
    typeof value === 'string' &&
    parseJsonField(value).doubleEncoded &&
    (name === 'json' || name.endsWith('_qc') || name === 'arguments')
  ) {
    return <JsonBlock value={value} label={name} />;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <Empty text="[]" />;
    if (value.some((item) => item !== null && typeof item === 'object'))
      return <JsonBlock value={value} label={name} />;
    return (
      <Group gap={6} wrap="wrap">
        {value.map((item, index) => (
          <Scalar key={index} name={name} value={item} field={field} />
        ))}
      </Group>
    );
  }
  return <Scalar name={name} value={value} field={field} />;
}
