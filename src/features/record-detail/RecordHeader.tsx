import { Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CopyButton } from '../../components/CopyButton.tsx';
import { paths } from '../../config/paths.ts';
import { useDetailContext } from './detail-context.ts';

interface RecordHeaderProps {
  endpointName: string;
  lookup: string;
  alyxUrl: string | null;
  /** Shown while the list row stands in for the detail. */
  partial: boolean;
  fetching: boolean;
}

export function RecordHeader({ endpointName, lookup, alyxUrl, partial, fetching }: RecordHeaderProps) {
  const { instance } = useDetailContext();
  const appUrl = `${window.location.origin}${paths.record(instance.name, endpointName, lookup)}`;
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <Stack gap={2}>
        <Anchor component={Link} to={paths.list(instance.name, endpointName)} size="sm">
          {endpointName}
        </Anchor>
        <Group gap="xs" align="center">
          <Title order={2} ff="monospace" fz={{ base: 'lg', sm: 'xl' }} style={{ wordBreak: 'break-all' }}>
            {lookup}
          </Title>
          <CopyButton value={appUrl} label="Copy link to this record" />
          {partial ? (
            <Badge variant="light" color="gray" leftSection={<Loader size={10} />}>
              list row · loading full record
            </Badge>
          ) : fetching ? (
            <Loader size="xs" aria-label="Refreshing" />
          ) : null}
        </Group>
      </Stack>
      <Group gap="xs">
        {alyxUrl ? (
          <>
            <Button component="a" href={alyxUrl} target="_blank" rel="noreferrer" size="xs" variant="default">
              Open in Alyx
            </Button>
            <CopyButton value={alyxUrl} label="Copy Alyx URL" />
          </>
        ) : null}
      </Group>
      {partial ? (
        <Text size="xs" c="dimmed" w="100%">
          Showing the fields of the list row while the detail loads.
        </Text>
      ) : null}
    </Group>
  );
}
