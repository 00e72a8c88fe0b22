import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import '@mantine/core/styles/RadioCard.layer.css';
import '@mantine/core/styles/RadioIndicator.layer.css';
import '@mantine/core/styles/Radio.layer.css';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
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

function Version({
  label,
  name,
  value,
  field,
  links,
}: {
  label: string;
  name: string;
  value: unknown;
  field?: FieldModel;
  links: ValueLinks;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <ValueView name={name} value={value} field={field} links={links} />
    </div>
  );
}

function Choices({ conflicts, fields, links, onContinue, onCancel }: Omit<ConflictDialogProps, 'opened'>) {
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const undecided = conflicts.filter((conflict) => choices[conflict.field] === undefined).length;
  return (
    <Stack gap="lg">
      <Text size="sm">
        {conflicts.length === 1 ? 'A field you changed was' : `${conflicts.length} fields you changed were`}{' '}
        also changed on the server since you opened this form. Choose which value to keep for each; nothing is
        sent until you continue.
      </Text>
      {conflicts.map((conflict) => {
        const field = fields?.find((candidate) => candidate.name === conflict.field);
        return (
          <Radio.Group
            key={conflict.field}
            label={conflict.field}
            value={choices[conflict.field] ?? null}
            onChange={(value) =>
              setChoices((previous) => ({ ...previous, [conflict.field]: value as ConflictChoice }))
            }
          >
            <Stack gap="xs" mt="xs">
              <Version
                label="When you opened it"
                name={conflict.field}
                value={conflict.opened}
                field={field}
                links={links}
              />
              <Radio
                value="mine"
                label={
                  <Version
                    label="Keep mine"
                    name={conflict.field}
                    value={conflict.mine}
                    field={field}
                    links={links}
                  />
                }
              />
              <Radio
                value="server"
                label={
                  <Version
                    label="Take the server’s"
                    name={conflict.field}
                    value={conflict.server}
                    field={field}
                    links={links}
                  />
                }
              />
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
    <Modal opened={opened} onClose={rest.onCancel} title="Changed on the server meanwhile" size="lg" centered>
      {/* Remounted for each set of conflicts: earlier choices never carry over. */}
      {opened ? <Choices key={rest.conflicts.map((c) => c.field).join('\u0000')} {...rest} /> : null}
    </Modal>
  );
}
