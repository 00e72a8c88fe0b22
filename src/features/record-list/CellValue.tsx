import { Text } from '@mantine/core';
import { Fragment } from 'react';
import type { FieldModel } from '../../api/schema/model.ts';
import { resolveValueLink } from '../../lib/value-links.ts';
import { useListContext } from './list-context.ts';
import { RecordLink } from './RecordLink.tsx';
import { isUuid, safeDecode } from '../../api/values.ts';

/** Short display of a UUID or an Alyx hyperlink's last segment; the full value stays in the title. */
export function shortText(value: string): string {
  if (isUuid(value)) return value.slice(0, 8);
  const match = /^https?:\/\/[^?#]*\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(value);
  const tail = match?.[1];
  if (tail) {
    const decoded = safeDecode(tail);
    return isUuid(decoded) ? decoded.slice(0, 8) : decoded;
  }
  return value;
}

function labelOf(field: FieldModel | undefined, value: string): string {
  return field?.choices?.find((choice) => choice.value === value)?.label ?? value;
}

function Scalar({ name, value, field }: { name: string; value: unknown; field?: FieldModel }) {
  const { links } = useListContext();
  if (value === null || value === undefined || value === '') {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  }
  if (typeof value === 'boolean') return <>{value ? 'yes' : 'no'}</>;
  if (typeof value === 'object') return <>{JSON.stringify(value)}</>;
  const text = String(value);
  const link = resolveValueLink(links, name, value, field?.relation);
  if (link) {
    return (
      <RecordLink link={link} title={text}>
        {shortText(text)}
      </RecordLink>
    );
  }
  return <>{labelOf(field, text)}</>;
}

/** A compact, single-line rendering of one list cell. */
export function CellValue({ name, value, field }: { name: string; value: unknown; field?: FieldModel }) {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return (
        <Text span c="dimmed" size="sm">
          []
        </Text>
      );
    }
    return (
      <>
        {value.map((item, index) => (
          <Fragment key={index}>
            {index > 0 ? ', ' : null}
            <Scalar name={name} value={item} field={field} />
          </Fragment>
        ))}
      </>
    );
  }
  return <Scalar name={name} value={value} field={field} />;
}
