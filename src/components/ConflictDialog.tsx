import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import '@mantine/core/styles/RadioCard.layer.css';
import '@mantine/core/styles/RadioIndicator.layer.css';
import '@mantine/core/styles/Radio.layer.css';
import { Box, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { FieldModel } from '../api/schema/model.ts';
import type { ConflictChoice, FieldConflict } from '../lib/edit-conflicts.ts';
import { ValueView, type ValueLinks } from './values/ValueView.tsx';

export interface ConflictDialogProps {
  opened: boolean;
  conflicts: readonly FieldConflict[];
  /** The form's fields, so values render by their kind, choices and relations. */
  fields?: readonly FieldModel[];
  links: ValueLinks;
  /** Every conflict has a choice; send the values resolveConflicts builds from them. */
  onContinue: (choices: Record<string, ConflictChoice>) => void;
  /** Nothing is sent. */
  onCancel: () => void;
}

function chosen(choices: Record<string, ConflictChoice>, field: string): ConflictChoice | null {
  return Object.hasOwn(choices, field) ? (choices[field] ?? null) : null;
}

function Choices({ conflicts, fields, links, onContinue, onCancel }: Omit<ConflictDialogProps, 'opened'>) {
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const id = useId();
  const undecided = conflicts.filter((conflict) => chosen(choices, conflict.field) === null).length;
  return (
    <Stack gap="lg">
      <Text size="sm">
        {conflicts.length === 1 ? 'A field you changed was' : `${conflicts.length} fields you changed were`}{' '}
        also changed on the server since you opened this form. Choose which value to keep for each; nothing is
        sent until you continue.
      </Text>
      {conflicts.map((conflict, index) => {
        const field = fields?.find((candidate) => candidate.name === conflict.field);
        const value = (version: unknown) => (
          <ValueView name={conflict.field} value={version} field={field} links={links} />
        );
        return (
          <Radio.Group
            key={conflict.field}
            label={conflict.field}
            value={chosen(choices, conflict.field)}
            onChange={(choice) =>
              setChoices((previous) => ({ ...previous, [conflict.field]: choice as ConflictChoice }))
            }
          >
            <Stack gap="sm" mt="xs">
              <div>
                <Text size="xs" c="dimmed">
                  When you opened it
                </Text>
                {value(conflict.opened)}
              </div>
              {/* Each value beside its radio, not in the <label>: a JSON block's buttons must not pick. */}
              <div>
                <Radio value="mine" label="Keep mine" aria-describedby={`${id}-${index}-mine`} />
                <Box id={`${id}-${index}-mine`} pl="xl">
                  {value(conflict.mine)}
                </Box>
              </div>
              <div>
                <Radio value="server" label="Take the server’s" aria-describedby={`${id}-${index}-server`} />
                <Box id={`${id}-${index}-server`} pl="xl">
                  {value(conflict.server)}
                </Box>
              </div>
            </Stack>
          </Radio.Group>
        );
      })}
      <Group justify="flex-end">
        {undecided > 0 ? (
          <Text size="xs" c="dimmed">
            {undecided} left to choose
          </Text>
        ) : null}
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button disabled={undecided > 0} onClick={() => onContinue(choices)}>
          Continue
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Shows each field both the user and someone else changed, with the three versions, and asks which
 * to keep. Closing it any way but Continue sends nothing.
 */
export function ConflictDialog({ opened, ...rest }: ConflictDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={rest.onCancel}
      title="Changed on the server meanwhile"
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': 'Close without sending' }}
    >
      {/* Remounted for each set of conflicts: earlier choices never carry over. */}
      {opened ? <Choices key={rest.conflicts.map((c) => c.field).join('\u0000')} {...rest} /> : null}
    </Modal>
  );
}
