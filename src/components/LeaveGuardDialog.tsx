import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import { Button, Group, Modal, Text } from '@mantine/core';

export interface LeaveGuardDialogProps {
  opened: boolean;
  /** Whether the changes stay as a draft (useFormDraft is saving) or go when the user leaves. */
  draftKept: boolean;
  onStay: () => void;
  onLeave: () => void;
}

/** "Leave without saving?" for useLeaveGuard. Closing it any way (Esc, ×, outside) means Stay. */
export function LeaveGuardDialog({ opened, draftKept, onStay, onLeave }: LeaveGuardDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onStay}
      title="Leave without saving?"
      centered
      closeButtonProps={{ 'aria-label': 'Close and stay' }}
    >
      <Text size="sm">
        {draftKept
          ? 'Your changes are kept as a draft: open this form again to restore them.'
          : 'Your changes will be lost.'}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onStay} data-autofocus>
          Stay
        </Button>
        <Button color={draftKept ? undefined : 'red'} onClick={onLeave}>
          Leave
        </Button>
      </Group>
    </Modal>
  );
}
