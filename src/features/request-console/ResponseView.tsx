import { Anchor, Code, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RawResponse } from '../../api/http/raw-request.ts';
import { formatCount } from '../../lib/format.ts';
import type { ResponseLink } from './response-links.ts';

/** Pretty-printing megabytes freezes the tab; big bodies stay as they came. */
const PRETTY_LIMIT = 300_000;

function statusColor(status: number): string {
  if (status >= 500) return 'red';
  if (status >= 400) return 'orange';
  if (status >= 300) return 'yellow';
  return 'green';
}

function bodyText(response: RawResponse): string {
  if (response.json !== undefined && response.text.length <= PRETTY_LIMIT)
    return JSON.stringify(response.json, null, 2);
  return response.text;
}

const wrapping = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

export function ResponseView({ response, links }: { response: RawResponse; links: readonly ResponseLink[] }) {
  return (
    <Stack
      gap="xs"
      component="section"
      aria-labelledby="console-response-title"
      data-testid="console-response"
    >
      <Title order={3} size="h4" id="console-response-title">
        Response
      </Title>
      <Group gap="sm" wrap="wrap">
        <Group gap={6} wrap="nowrap">
          <span
            aria-hidden
            style={{
              width: 10,
              height: 10,
              borderRadius: 5,
              background: `var(--mantine-color-${statusColor(response.status)}-6)`,
            }}
          />
          <Text fw={700} size="sm" data-testid="response-status">
            {response.status} {response.statusText}
          </Text>
        </Group>
        <Text size="sm" data-testid="response-time">
          {formatCount(response.durationMs)} ms
        </Text>
        <Text size="sm" data-testid="response-size">
          {formatCount(response.sizeBytes)} bytes
        </Text>
        {links.map((link) => (
          <Anchor key={link.to} component={Link} to={link.to} size="sm">
            {link.label}
          </Anchor>
        ))}
      </Group>
      <details>
        <summary>
          <Text span size="sm">
            Headers ({response.headers.length})
          </Text>
        </summary>
        <Code block style={wrapping} data-testid="response-headers">
          {response.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}
        </Code>
      </details>
      {response.text === '' ? (
        <Text size="sm" c="dimmed">
          No body.
        </Text>
      ) : (
        <Code
          block
          style={{ ...wrapping, maxHeight: '60vh', overflow: 'auto', fontSize: 12 }}
          data-testid="response-body"
          aria-label="Response body"
          tabIndex={0}
        >
          {bodyText(response)}
        </Code>
      )}
    </Stack>
  );
}
