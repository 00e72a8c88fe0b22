import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { deleteRecordMutation } from '../../api/queries/record-mutations.ts';
import { ProductionWriteNotice } from '../../components/ProductionWriteNotice.tsx';
import { paths } from '../../config/paths.ts';
import { useReadOnly } from '../../lib/use-read-only.ts';
import { explainWriteFailure } from '../../lib/write-failure.ts';
import { useDetailContext } from './detail-context.ts';

interface DeleteRecordButtonProps {
  endpointName: string;
  lookup: string;
  /** The record's title as the view shows it. */
  title: string;
}

/** Delete, where the detail route offers it, after a confirmation naming the record. */
export function DeleteRecordButton({ endpointName, lookup, title }: DeleteRecordButtonProps) {
  const { instance, model } = useDetailContext();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const readOnly = useReadOnly(instance);
  const [open, setOpen] = useState(false);
  const hintId = useId();
  const mutation = useMutation(deleteRecordMutation(queryClient, instance, endpointName, lookup));
  // Set synchronously: a double click arrives before React re-renders with isPending.
  const inFlight = useRef(false);
  const offersDelete = model.endpoints[endpointName]?.detail?.methods.includes('DELETE') === true;
  if (!offersDelete) return null;

  const name = title === lookup ? `${endpointName}/${lookup}` : `${title} (${endpointName}/${lookup})`;
  const confirm = (): void => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(undefined, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: () => {
        setOpen(false);
        void navigate(paths.list(instance.name, endpointName), {
          state: { flash: `Deleted ${name}.` },
        });
      },
    });
  };
  const close = (): void => {
    if (mutation.isPending) return;
    setOpen(false);
    mutation.reset();
  };
  const failure = mutation.isError ? explainWriteFailure(mutation.error, 'delete', name) : null;

  return (
    <>
      {readOnly ? (
        <Group gap={6} wrap="nowrap">
          <Button size="xs" variant="light" color="red" disabled aria-describedby={hintId}>
            Delete
          </Button>
          <Text id={hintId} size="xs" c="dimmed">
            this account can only read
          </Text>
        </Group>
      ) : (
        <Button size="xs" variant="light" color="red" onClick={() => setOpen(true)}>
          Delete
        </Button>
      )}
      <Modal
        opened={open}
        onClose={close}
        title={`Delete this ${endpointName.replace(/s$/, '')}?`}
        closeOnClickOutside={!mutation.isPending}
        closeOnEscape={!mutation.isPending}
        withCloseButton={!mutation.isPending}
      >
        <Stack gap="sm">
          <Text size="sm">
            This deletes <strong style={{ overflowWrap: 'anywhere' }}>{title}</strong> from {instance.name}.
            It cannot be undone.
          </Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            DELETE /{endpointName}/{lookup}
          </Code>
          {failure ? (
            <Alert color="red" title={failure.title} role="alert">
              {failure.text}
            </Alert>
          ) : null}
          <ProductionWriteNotice instance={instance} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={confirm}
              loading={mutation.isPending}
              disabled={failure !== null && !failure.retry}
            >
              Delete {title}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
