import { Badge } from '@mantine/core';
import classes from './MethodBadge.module.css';
import type { HttpMethod } from '../api/schema/model.ts';

const COLORS: Record<HttpMethod, string> = {
  GET: 'blue',
  POST: 'green',
  PUT: 'orange',
  PATCH: 'yellow',
  DELETE: 'red',
};

// Light mode: text on the pale badge background at ≥ 4.5:1 (Mantine's shade 9 of green, orange and yellow is not).
const LIGHT_TEXT: Record<HttpMethod, string> = {
  GET: '#1864ab',
  POST: '#1e6b30',
  PUT: '#a33a0c',
  PATCH: '#8f4a00',
  DELETE: '#b02525',
};

export function MethodBadge({ method, size = 'xs' }: { method: HttpMethod; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge
      size={size}
      color={COLORS[method]}
      variant="light"
      ff="monospace"
      className={classes.method}
      style={{ textTransform: 'none', '--method-text-light': LIGHT_TEXT[method] }}
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
