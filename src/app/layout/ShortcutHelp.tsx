import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { keyLabel, useShortcuts, type Shortcut } from '../../lib/shortcut-registry.ts';

const GROUPS: readonly Shortcut['group'][] = ['General', 'Navigation', 'List', 'Record', 'Form'];
const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function Keys({ combo }: { combo: string }) {
  const steps = keyLabel(combo, isMac());
  return (
    <span>
      {steps.map((step, index) => (
        <span key={index}>
          {index > 0 ? ' then ' : null}
          <Kbd size="sm">{step}</Kbd>
        </span>
      ))}
    </span>
  );
}

/** `?`: the shortcuts registered for the current view, read from the registry. */
export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const shortcuts = useShortcuts();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Keyboard shortcuts"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close the shortcut list' }}
    >
      <Stack gap="md">
        <Text size="sm">
          Single keys do nothing while you type in a field. In the command palette, ↑ and ↓ choose and Enter
          runs.
        </Text>
        {GROUPS.map((group) => {
          const inGroup = shortcuts.filter((shortcut) => shortcut.group === group);
          if (inGroup.length === 0) return null;
          const headingId = `shortcuts-${group.toLowerCase()}`;
          return (
            <section key={group} aria-labelledby={headingId}>
              <Title order={3} size="h5" id={headingId} mb={4}>
                {group}
              </Title>
              <Table aria-labelledby={headingId} verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="40%">
                      Keys
                    </Table.Th>
                    <Table.Th scope="col">Action</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {inGroup.map((shortcut) => (
                    <Table.Tr key={shortcut.id}>
                      <Table.Td>
                        {shortcut.keys.map((combo, index) => (
                          <span key={combo}>
                            {index > 0 ? ' or ' : null}
                            <Keys combo={combo} />
                          </span>
                        ))}
                      </Table.Td>
                      <Table.Td>{shortcut.description}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          );
        })}
      </Stack>
    </Modal>
  );
}
