import { Badge } from '@mantine/core';
import type { HttpMethod } from '../api/schema/model.ts';

const COLORS: Record<HttpMethod, string> = {
  GET: 'blue',
  POST: 'green',
  PUT: 'orange',
  PATCH: 'yellow',
  DELETE: 'red',
};

export function MethodBadge({ method, size = 'xs' }: { method: HttpMethod; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge
      size={size}
      color={COLORS[method]}
      variant="light"
      ff="monospace"
      style={{ textTransform: 'none' }}
    >
      {method}
    </Badge>
  );
}

export function MethodBadges({
  methods,
  size,
}: {
  methods: readonly HttpMethod[];
  size?: 'xs' | 'sm' | 'md';
}) {
  return (
    <>
      {methods.map((method) => (
        <MethodBadge key={method} method={method} size={size} />
      ))}
    </>
  );
}
