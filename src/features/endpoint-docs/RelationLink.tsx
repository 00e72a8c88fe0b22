import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RelationTarget } from '../../api/schema/model.ts';
import { paths } from '../../config/paths.ts';

export function RelationLink({
  instance,
  relation,
}: {
  instance: string;
  relation: RelationTarget | undefined;
}) {
  if (!relation) return null;
  return (
    <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
      <Anchor component={Link} to={paths.docs(instance, relation.endpoint)}>
        {relation.endpoint}
      </Anchor>{' '}
      <Text span size="xs" c="dimmed">
        by {relation.lookup}
      </Text>
    </Text>
  );
}
