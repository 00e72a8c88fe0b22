import { Anchor, Code, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** A path the explorer has no view for (not an Alyx 404: ErrorState handles those). */
export function NotFound({
  path,
  reason,
  homeHref = '/',
}: {
  path: string;
  reason?: string;
  homeHref?: string;
}) {
  return (
    <Stack gap="sm" p="md">
      <Title order={2}>Page not found</Title>
      <Text>
        The explorer has no view at <Code>{path}</Code>.
      </Text>
      {reason ? <Text>{reason}</Text> : null}
      <Anchor component={Link} to={homeHref}>
        Back to the start page
      </Anchor>
    </Stack>
  );
}
