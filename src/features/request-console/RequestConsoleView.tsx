import '@mantine/core/styles/Combobox.layer.css';
import { Alert, Button, Code, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { isAlyxError } from '../../api/http/errors.ts';
import {
  RAW_METHODS,
  rawRequest,
  rawRequestPath,
  RawRequestRefused,
  type RawMethod,
  type RawRequest,
} from '../../api/http/raw-request.ts';
import { instanceBases, type InstanceConfig } from '../../api/instances.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ProductionWriteNotice } from '../../components/ProductionWriteNotice.tsx';
import { MASKED, type ConsoleRequest } from '../../config/paths.ts';
import { useToken } from '../../lib/use-token.ts';
import { curlCommand } from './curl.ts';
import { checkJson } from './json-text.ts';
import { JsonBodyEditor } from './JsonBodyEditor.tsx';
import { QueryEditor } from './QueryEditor.tsx';
import { responseLinks } from './response-links.ts';
import { ResponseView } from './ResponseView.tsx';

interface RequestConsoleViewProps {
  instance: InstanceConfig;
  model: ApiModel | undefined;
  initial: ConsoleRequest;
  /** Called with each request sent, so the route can keep it in the URL. */
  onSent: (request: ConsoleRequest) => void;
}

function asMethod(value: string): RawMethod {
  return (RAW_METHODS as readonly string[]).includes(value) ? (value as RawMethod) : 'GET';
}

function splitPath(path: string, query: string | undefined): { path: string; query: string } {
  // A pasted `/sessions?subject=X` moves its query into the query editor.
  const at = path.indexOf('?');
  if (at === -1) return { path, query: query ?? '' };
  const inline = path.slice(at + 1);
  return { path: path.slice(0, at), query: [inline, query].filter(Boolean).join('&') };
}

function pathProblem(path: string): string | null {
  try {
    rawRequestPath(path);
    return null;
  } catch (error) {
    return error instanceof RawRequestRefused ? error.message : String(error);
  }
}

/** `/{instance}/~/console`: any method on any path of the instance, and the answer as it came. */
export function RequestConsoleView({ instance, model, initial, onSent }: RequestConsoleViewProps) {
  const start = splitPath(initial.path, initial.query);
  const [method, setMethod] = useState<RawMethod>(asMethod(initial.method));
  const [path, setPath] = useState(start.path);
  const [query, setQuery] = useState(start.query);
  const [body, setBody] = useState(initial.body ?? '');
  const token = useToken(instance.name);
  const controller = useRef<AbortController | null>(null);
  // Set synchronously: a double click arrives before React re-renders with isPending.
  const inFlight = useRef(false);
  const [sent, setSent] = useState<ConsoleRequest | null>(null);
  const mutation = useMutation({
    mutationFn: (request: RawRequest) => rawRequest(instance, request),
  });

  const sendsBody = method !== 'GET' && method !== 'OPTIONS';
  const problem = pathProblem(path);
  const bodyCheck = checkJson(body);
  const bodyInvalid = sendsBody && !bodyCheck.ok;
  const curl = useMemo(
    () =>
      problem
        ? null
        : curlCommand({
            method,
            url: `${instance.url.replace(/\/+$/, '')}${rawRequestPath(path, query)}`,
            body: sendsBody ? body : undefined,
            withToken: token !== null,
          }),
    [problem, method, instance.url, path, query, sendsBody, body, token],
  );

  const send = (event?: FormEvent): void => {
    event?.preventDefault();
    if (inFlight.current || problem || bodyInvalid) return;
    inFlight.current = true;
    const request: ConsoleRequest = { method, path, query };
    if (sendsBody && body.trim() !== '') request.body = body;
    const abort = new AbortController();
    controller.current = abort;
    setSent(request);
    onSent(request);
    mutation.mutate(
      { method, path, query, body: request.body, signal: abort.signal },
      {
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };
  const cancel = (): void => controller.current?.abort();

  const links =
    mutation.data && sent && model
      ? responseLinks({ instance: instance.name, model, bases: instanceBases(instance) }, sent, mutation.data)
      : [];
  const cancelled = mutation.isError && mutation.error.name === 'AbortError';

  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>Request console</Title>
      <Text size="sm" c="dimmed">
        Any request to {instance.name}, sent with your token through the explorer. Writes are real.
      </Text>
      <form onSubmit={send} aria-label="Request">
        <Stack gap="sm">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label="Method"
              data={[...RAW_METHODS]}
              value={method}
              onChange={(event) => setMethod(asMethod(event.currentTarget.value))}
              w={120}
            />
            <TextInput
              label="Path"
              value={path}
              onChange={(event) => {
                const next = splitPath(event.currentTarget.value, undefined);
                setPath(next.path);
                if (next.query) setQuery([query, next.query].filter(Boolean).join('&'));
              }}
              error={problem}
              placeholder="/sessions"
              style={{ flex: '1 1 260px', minWidth: 0 }}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Button type="submit" loading={mutation.isPending} disabled={problem !== null || bodyInvalid}>
              Send
            </Button>
            {mutation.isPending ? (
              <Button variant="default" onClick={cancel}>
                Cancel
              </Button>
            ) : null}
          </Group>
          {method === 'GET' || method === 'OPTIONS' ? null : <ProductionWriteNotice instance={instance} />}
          <QueryEditor value={query} onChange={setQuery} />
          {sendsBody ? (
            <>
              <JsonBodyEditor label="JSON body" value={body} onChange={setBody} />
              {body.includes(`"${MASKED}"`) ? (
                <Text size="xs" c="orange">
                  Values shown as {MASKED} were masked in the link: type them again before sending.
                </Text>
              ) : null}
            </>
          ) : (
            <Text size="xs" c="dimmed">
              {method} sends no body.
            </Text>
          )}
          {curl ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  As curl
                </Text>
                <CopyButton value={curl} label="Copy curl command" />
              </Group>
              <Code
                block
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-testid="console-curl"
              >
                {curl}
              </Code>
            </Stack>
          ) : null}
        </Stack>
      </form>
      {cancelled ? (
        <Alert color="gray" role="status">
          Cancelled; no answer is shown. A write may still have reached the instance.
        </Alert>
      ) : mutation.isError ? (
        <Alert color="red" title="No answer" role="alert">
          {isAlyxError(mutation.error) && mutation.error.kind === 'network'
            ? 'The instance could not be reached.'
            : mutation.error.message}
        </Alert>
      ) : null}
      {mutation.data ? <ResponseView response={mutation.data} links={links} /> : null}
    </Stack>
  );
}
