import { Code, Group, Stack, Text } from '@mantine/core';
import { CopyButton } from '../../components/CopyButton.tsx';
import {
  curlSnippet,
  oneWriteCall,
  TOKEN_PLACEHOLDER,
  type SnippetRequest,
} from '../../lib/request-snippets.ts';

function Snippet({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <CopyButton value={text} label={`Copy ${title}`} />
      </Group>
      <Code block data-testid={testId} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Code>
    </Stack>
  );
}

/** The request as it will be sent, as curl and as the ONE call; the token is never shown. */
export function RequestPreview({ request }: { request: SnippetRequest }) {
  return (
    <Stack gap="sm" data-testid="request-preview">
      <Snippet title="ONE" text={oneWriteCall(request)} testId="request-one" />
      <Snippet title="curl" text={curlSnippet(request)} testId="request-curl" />
      <Text size="xs" c="dimmed">
        The token is left out: curl reads it from <Code>{TOKEN_PLACEHOLDER}</Code>; ONE uses its own login.
      </Text>
    </Stack>
  );
}
