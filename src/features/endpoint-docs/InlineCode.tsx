import { Code, Text } from '@mantine/core';

/** Schema descriptions of filters and fields use `backticks`; show them as code without a markdown parser. */
export function InlineCode({ text }: { text: string | undefined }) {
  if (!text) return null;
  const parts = text.split(/`([^`]+)`/);
  return (
    <Text span inherit>
      {parts.map((part, index) => (index % 2 === 1 ? <Code key={index}>{part}</Code> : part))}
    </Text>
  );
}
