import { Badge } from '@mantine/core';
import { instanceColor } from '../api/instance-kind.ts';
import type { InstanceConfig } from '../api/instances.ts';

/**
 * The instance's kind as a badge: filled in its colour's shade 9 (white text passes AA on every
 * palette colour, light and dark), or plain when it has no colour; nothing when no kind is configured.
 */
export function InstanceKindBadge({
  instance,
  size = 'sm',
}: {
  instance: InstanceConfig;
  size?: 'xs' | 'sm' | 'md';
}) {
  if (!instance.kind) return null;
  const color = instanceColor(instance);
  return (
    <Badge
      size={size}
      variant={color ? 'filled' : 'default'}
      color={color ? `${color}.9` : undefined}
      title={`${instance.name} is a ${instance.kind} instance`}
      data-testid="instance-kind"
      style={{ flexShrink: 0 }}
    >
      {instance.kind}
    </Badge>
  );
}
