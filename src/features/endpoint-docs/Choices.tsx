import { Code, Group, Text } from '@mantine/core';
import type { ChoiceOption } from '../../api/schema/model.ts';

const SHOWN = 8;

export function Choices({ choices }: { choices: readonly ChoiceOption[] | undefined }) {
  if (!choices || choices.length === 0) return null;
  return (
    <Group gap={4}>
      {choices.slice(0, SHOWN).map((choice) => (
        <Code key={choice.value} title={choice.label !== choice.value ? choice.label : undefined}>
          {choice.value}
        </Code>
      ))}
      {choices.length > SHOWN ? (
        <Text span size="xs" c="dimmed">
          +{choices.length - SHOWN} more
        </Text>
      ) : null}
    </Group>
  );
}
