import { Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { isAlyxError } from '../../api/http/errors.ts';
import type { EndpointModel } from '../../api/schema/model.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { appPathToAlyxUrl } from '../../config/paths.ts';
import { djangoFieldOptions } from '../../lib/django-fields.ts';
import {
  buildDjango,
  choicesFromError,
  filledRows,
  parseDjango,
  pathsFromChoices,
  rowProblem,
  type DjangoRow,
} from '../../lib/django-query.ts';
import { oneCall } from '../../lib/one-call.ts';
import { useListContext } from './list-context.ts';
import classes from './QueryBuilder.module.css';
import { QueryBuilderRow } from './QueryBuilderRow.tsx';

interface QueryBuilderProps {
  id: string;
  endpointName: string;
  endpoint: EndpointModel | undefined;
  search: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
  listError: unknown;
}

interface EditedRow extends DjangoRow {
  key: number;
}

let nextKey = 1;
const BLANK: DjangoRow = { field: '', lookup: '', value: '', negate: false };

function editable(text: string): EditedRow[] {
  const rows = parseDjango(text);
  return (rows.length > 0 ? rows : [BLANK]).map((row) => ({ ...row, key: nextKey++ }));
}

/** The list query with `django=` replaced (or dropped when empty); a new query starts at offset 0. */
function withDjango(search: URLSearchParams, django: string): URLSearchParams {
  const next = new URLSearchParams(search);
  if (django === '') next.delete('django');
  else next.set('django', django);
  next.delete('offset');
  return next;
}

function plainRow({ field, lookup, value, negate }: EditedRow): DjangoRow {
  return { field, lookup, value, negate };
}

/**
 * Rows of `django=` conditions, ANDed, with the Alyx URL and the ONE call they make, live. Apply
 * writes `django=` into the URL (which is the Alyx query); the rows stay while Alyx answers, and when
 * the URL's `django=` changes elsewhere (raw query, Back) they are read from it again.
 */
export function QueryBuilder({ id, endpointName, endpoint, search, onApply, listError }: QueryBuilderProps) {
  const { instance, model } = useListContext();
  const current = search.get('django') ?? '';
  const [synced, setSynced] = useState(current);
  const [rows, setRows] = useState<EditedRow[]>(() => editable(current));
  const [focusKey, setFocusKey] = useState<number | null>(() => rows[0]?.key ?? null);
  if (current !== synced) {
    setSynced(current);
    setRows(editable(current));
  }

  const options = useMemo(() => djangoFieldOptions(model, endpointName), [model, endpointName]);
  const sent = filledRows(rows.map(plainRow));
  const django = buildDjango(sent);
  const next = withDjango(search, django);
  // Commas and tildes need no escaping in a query string: written plainly, the URL reads like Alyx's docs.
  const queryText = next.toString().replace(/%2C/gi, ',').replace(/%7E/gi, '~');
  const alyxUrl = appPathToAlyxUrl(
    queryText
      ? { view: 'list', endpoint: endpointName, query: queryText }
      : { view: 'list', endpoint: endpointName },
    instance,
  );
  const call = oneCall(endpointName, next, endpoint);
  const problems = rows.map((row) => {
    const plain = plainRow(row);
    return filledRows([plain]).length > 0 ? rowProblem(plain, sent) : null;
  });
  const blocked = problems.some((problem) => problem !== null);

  // Alyx's own FieldError names the fields it knows where the path went wrong: offer them.
  const refused =
    isAlyxError(listError) &&
    current !== '' &&
    (listError.kind === 'server' || listError.kind === 'validation')
      ? listError
      : null;
  const choices = choicesFromError(refused?.detail);
  const paths = useMemo(() => {
    const extra = choices ? rows.flatMap((row) => pathsFromChoices(row.field, choices)) : [];
    return [...new Set([...extra, ...options.map((option) => option.path)])];
  }, [choices, rows, options]);

  const update = (key: number, row: DjangoRow) =>
    setRows((all) => all.map((item) => (item.key === key ? { ...row, key } : item)));
  const remove = (key: number) =>
    setRows((all) => {
      const left = all.filter((item) => item.key !== key);
      return left.length > 0 ? left : editable('');
    });
  const add = () => {
    const key = nextKey++;
    setFocusKey(key);
    setRows((all) => [...all, { ...BLANK, key }]);
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    setSynced(django);
    onApply(next);
  };

  return (
    <Paper withBorder p="sm" radius="sm" id={id}>
      <form onSubmit={apply} aria-label="Query builder">
        <Stack gap="sm">
          <Text size="sm">
            Conditions on any field path, following relations (<Code>subject__nickname</Code>) and JSON keys (
            <Code>extended_qc__key</Code>); all must hold. Alyx splits <Code>django=</Code> on commas outside{' '}
            <Code>[ ]</Code> and <Code>( )</Code>, so a value cannot contain one.
          </Text>
          {rows.map((row, index) => (
            <QueryBuilderRow
              key={row.key}
              index={index}
              row={row}
              options={options}
              paths={paths}
              problem={problems[index] ?? null}
              focus={row.key === focusKey}
              onChange={(changed) => update(row.key, changed)}
              onRemove={() => remove(row.key)}
            />
          ))}
          {refused ? (
            <Text
              size="sm"
              className={classes.error}
              data-testid="builder-refused"
              style={{ overflowWrap: 'anywhere' }}
            >
              Alyx refused this query{refused.status === null ? '' : ` (${refused.status})`}:{' '}
              {refused.detail ?? refused.message}
            </Text>
          ) : null}
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Button size="xs" variant="light" onClick={add}>
              Add condition
            </Button>
            <Button size="xs" type="submit" disabled={blocked || django === current}>
              Apply query
            </Button>
          </Group>
          <Stack gap={4}>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" fw={600}>
                Alyx URL
              </Text>
              {alyxUrl ? <CopyButton value={alyxUrl} label="Copy the Alyx URL" /> : null}
            </Group>
            <Code
              block
              data-testid="builder-url"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {alyxUrl ?? ''}
            </Code>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" fw={600}>
                ONE
              </Text>
              <CopyButton value={call} label="Copy the ONE call" />
            </Group>
            <Code
              block
              data-testid="builder-one"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {call}
            </Code>
          </Stack>
        </Stack>
      </form>
    </Paper>
  );
}
