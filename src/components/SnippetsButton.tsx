import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import '@mantine/core/styles/Tooltip.layer.css';
import '@mantine/core/styles/Switch.layer.css';
import '@mantine/core/styles/Tabs.layer.css';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Switch, Tabs, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { readSnippets, TOKEN_PLACEHOLDER, type ReadSnippetRequest } from '../lib/request-snippets.ts';
import { useToken } from '../lib/use-token.ts';
import { useViewCommand } from '../lib/view-commands.ts';

export interface SnippetsButtonProps {
  /** Whose stored token a reveal shows. */
  instanceName: string;
  request: Omit<ReadSnippetRequest, 'token'>;
  /** What the snippets fetch, for the dialog title: "this list", "this record". */
  subject: string;
}

/** "Snippets": the current list or record as code in four languages, copied without sending anything. */
export function SnippetsButton({ instanceName, request, subject }: SnippetsButtonProps) {
  const [opened, setOpened] = useState(false);
  const [reveal, setReveal] = useState(false);
  const token = useToken(instanceName);
  const shown = reveal ? token : null;
  const snippets = useMemo(() => readSnippets({ ...request, token: shown }), [request, shown]);
  useViewCommand('snippets', () => setOpened(true));

  const close = () => {
    setOpened(false);
    // The next opening starts masked again.
    setReveal(false);
  };

  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpened(true)}>
        Snippets
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={`Code for ${subject}`}
        size="xl"
        closeButtonProps={{ 'aria-label': 'Close snippets' }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Copy a request for {subject}; nothing is sent from here. The token is written as{' '}
            <Code>{TOKEN_PLACEHOLDER}</Code> (set it in your environment) unless you reveal it.
          </Text>
          <Switch
            label="Show my real token in the snippets"
            checked={reveal}
            disabled={!token}
            onChange={(event) => setReveal(event.currentTarget.checked)}
          />
          {reveal && token ? (
            <Alert color="red" variant="light" title="The snippets now hold your token">
              Anyone who sees this code can act as you on this instance. Do not paste it into chats, issues or
              notebooks you share.
            </Alert>
          ) : null}
          <Tabs defaultValue={snippets[0]?.language} keepMounted={false}>
            <Tabs.List>
              {snippets.map((snippet) => (
                <Tabs.Tab key={snippet.language} value={snippet.language}>
                  {snippet.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {snippets.map((snippet) => (
              <Tabs.Panel key={snippet.language} value={snippet.language} pt="sm">
                <Stack gap="xs">
                  <Code
                    block
                    data-testid={`snippet-${snippet.language}`}
                    style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                  >
                    {snippet.code}
                  </Code>
                  <Group justify="flex-end">
                    <CopyButton value={snippet.code} timeout={1500}>
                      {({ copied, copy }) => (
                        <Button
                          size="xs"
                          variant={copied ? 'light' : 'filled'}
                          color={copied ? 'teal' : undefined}
                          onClick={copy}
                        >
                          {copied ? 'Copied' : `Copy ${snippet.label}`}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
        </Stack>
      </Modal>
    </>
  );
}
