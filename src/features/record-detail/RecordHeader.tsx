import { Anchor, Badge, Button, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { SnippetsButton } from '../../components/SnippetsButton.tsx';
import { EditRecordLinks } from '../../components/WriteLinks.tsx';
import { paths } from '../../config/paths.ts';
import { AdminLinksMenu } from './AdminLinksMenu.tsx';
import { DeleteRecordButton } from './DeleteRecordButton.tsx';
import { useDetailContext } from './detail-context.ts';

interface RecordHeaderProps {
  endpointName: string;
  lookup: string;
  /** What people call the record (a session's subject · date · number); the lookup when nothing better. */
  title: string;
  alyxUrl: string | null;
  /** Shown while the list row stands in for the detail. */
  partial: boolean;
  fetching: boolean;
  /** The record, for snippets that depend on it (a session's objects for `one.load_object`). */
  record?: Record<string, unknown>;
  /** Controls the app adds (pin), after the copy buttons. */
  children?: ReactNode;
}

/**
 * The sandbox answers its record URLs with a 403 JSON page in a browser without a token: no page
 * to open there. A real Alyx serves the REST framework's browsable page at the same URL.
 */
function opensAPage(instance: InstanceConfig): boolean {
  return instance.sandbox !== true;
}

export function RecordHeader({
  endpointName,
  lookup,
  title,
  alyxUrl,
  partial,
  fetching,
  record,
  children,
}: RecordHeaderProps) {
  const { instance, model } = useDetailContext();
  const appUrl = `${window.location.origin}${paths.record(instance.name, endpointName, lookup)}`;
  return (
    <Stack gap={4} style={{ minWidth: 0, maxWidth: '100%' }} data-testid="record-identity">
      <Anchor component={Link} to={paths.list(instance.name, endpointName)} size="sm">
        {endpointName}
      </Anchor>
      <Title order={2} fz={{ base: 'lg', sm: 'xl' }} style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Title>
      <Group gap="xs" align="center" wrap="wrap" style={{ minWidth: 0 }}>
        {title !== lookup ? (
          <Code data-testid="record-lookup" title="Lookup" style={{ overflowWrap: 'anywhere' }}>
            {lookup}
          </Code>
        ) : null}
        {children}
        <CopyButton value={appUrl} label="Copy link to this record" />
        {alyxUrl ? (
          <>
            {opensAPage(instance) ? (
              <Button
                component="a"
                href={alyxUrl}
                target="_blank"
                rel="noopener noreferrer"
                size="xs"
                variant="default"
              >
                Open Alyx REST page
              </Button>
            ) : null}
            <CopyButton value={alyxUrl} label="Copy Alyx URL" />
          </>
        ) : null}
        {partial ? null : (
          <AdminLinksMenu instance={instance} endpointName={endpointName} lookup={lookup} record={record} />
        )}
        <SnippetsButton
          instanceName={instance.name}
          subject="this record"
          request={{
            baseUrl: instance.url,
            endpoint: endpointName,
            lookup,
            model: model.endpoints[endpointName],
            record,
          }}
        />
        <EditRecordLinks instance={instance} model={model} endpointName={endpointName} lookup={lookup} />
        {partial ? null : <DeleteRecordButton endpointName={endpointName} lookup={lookup} title={title} />}
        {partial ? (
          <Badge variant="light" color="gray" leftSection={<Loader size={10} />}>
            list row · loading full record
          </Badge>
        ) : fetching ? (
          <Loader size="xs" aria-label="Refreshing" />
        ) : null}
      </Group>
      {partial ? (
        <Text size="xs" c="dimmed">
          Showing the fields of the list row while the detail loads.
        </Text>
      ) : null}
    </Stack>
  );
}
