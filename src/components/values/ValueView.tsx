import { Badge, Group, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { InstanceConfig } from '../../api/instances.ts';
import type { FieldModel, RelationTarget } from '../../api/schema/model.ts';
import type { ResolvedLink } from '../../lib/value-links.ts';
import { PrefetchLink } from '../PrefetchLink.tsx';
import { JsonBlock } from './JsonBlock.tsx';
import { LongText } from './LongText.tsx';
import {
  alyxFormOf,
  exactBytes,
  formatBytes,
  isDatetimeValue,
  isLongText,
  readableDatetime,
  shortText,
  valueShape,
} from './value-format.ts';
import classes from './ValueView.module.css';

/** How values become links where they are shown (each view brings its own resolver). */
export interface ValueLinks {
  instance: InstanceConfig;
  resolve: (name: string, value: unknown, relation?: RelationTarget) => ResolvedLink | null;
}

export interface ValueViewProps {
  name: string;
  value: unknown;
  field?: FieldModel;
  links: ValueLinks;
  /** One line for table cells: short ids, no blocks, the full value in the title. */
  compact?: boolean;
}

const COMPACT_CHARS = 120;

function Dimmed({ text, title, compact }: { text: string; title?: string; compact?: boolean }) {
  return (
    <Text span c="dimmed" size="sm" inherit={compact} title={title}>
      {text}
    </Text>
  );
}

function clip(text: string): string {
  return text.length > COMPACT_CHARS ? `${text.slice(0, COMPACT_CHARS)}…` : text;
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function TextValue({ name, value, field, links, compact }: ValueViewProps & { value: string }) {
  const link = links.resolve(name, value, field?.relation);
  const shown = alyxFormOf(value, links.instance);
  if (link) {
    return (
      <PrefetchLink instance={links.instance} link={link} title={shown} inherit={compact}>
        {compact ? clip(shortText(value)) : <span style={{ overflowWrap: 'anywhere' }}>{shown}</span>}
      </PrefetchLink>
    );
  }
  const choice = field?.choices?.find((c) => c.value === value);
  if (choice && choice.label !== choice.value) {
    if (compact) return <span title={choice.value}>{choice.label}</span>;
    return (
      <Text span size="sm">
        {choice.label}{' '}
        <Text span c="dimmed" size="xs">
          ({choice.value})
        </Text>
      </Text>
    );
  }
  if (isDatetimeValue(field, value)) {
    return (
      <time dateTime={value} title={value} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {readableDatetime(value)}
      </time>
    );
  }
  if (compact) return <span title={value.length > COMPACT_CHARS ? value : undefined}>{clip(shown)}</span>;
  if (isLongText(value)) return <LongText text={value} label={name} />;
  return (
    <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
      {shown}
    </Text>
  );
}

function Scalar(props: ValueViewProps) {
  const { name, value, compact } = props;
  switch (valueShape(name, value, props.field)) {
    case 'null':
      return <Dimmed text="—" title="null" compact={compact} />;
    case 'empty':
      return <Dimmed text="(empty)" title="empty text" compact={compact} />;
    case 'empty-list':
      return <Dimmed text="none" title="empty list" compact={compact} />;
    case 'boolean':
      return (
        <Badge
          size={compact ? 'xs' : 'sm'}
          variant="light"
          color={value ? 'teal' : 'gray'}
          className={value ? classes.yes : undefined}
          title={String(value)}
        >
          {value ? 'yes' : 'no'}
        </Badge>
      );
    case 'size': {
      const bytes = value as number;
      return (
        <span title={exactBytes(bytes)} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatBytes(bytes)}
        </span>
      );
    }
    case 'number':
      return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{String(value)}</span>;
    case 'json': {
      if (!compact) return <JsonBlock value={value} label={name} />;
      const text = jsonText(value);
      const summary = Array.isArray(value)
        ? `${value.length} item${value.length === 1 ? '' : 's'}`
        : clip(text);
      return (
        <Text span size="xs" ff="monospace" title={text}>
          {summary}
        </Text>
      );
    }
    case 'list':
      return <ListValue {...props} value={value as unknown[]} />;
    case 'text':
      return typeof value === 'string' ? (
        <TextValue {...props} value={value} />
      ) : (
        <span>{String(value)}</span>
      );
  }
}

function ListValue(props: ValueViewProps & { value: unknown[] }) {
  const items = props.value.map((item, index) => (
    <Fragment key={index}>
      {props.compact && index > 0 ? ', ' : null}
      <Scalar {...props} value={item} />
    </Fragment>
  ));
  if (props.compact) return <>{items}</>;
  return (
    <Group gap={6} wrap="wrap">
      {items}
    </Group>
  );
}

/**
 * The one renderer of Alyx values, for list cells, record fields and sub-tables: chosen by the
 * model's field kind and the value (null, empty, boolean, size, number, datetime, link, list, JSON,
 * long text). Values are hostile: nothing here may throw or build a script link.
 */
export function ValueView(props: ValueViewProps) {
  return <Scalar {...props} />;
}
