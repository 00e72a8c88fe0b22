import { Button } from '@mantine/core';
import { IconPin } from '../../components/icons.tsx';
import { paths } from '../../config/paths.ts';
import { showNotice } from '../../lib/notices.ts';
import { PIN_LIMIT, findPin, pinRecord, unpinRecord, usePinnedRecords } from '../../lib/saved-items.ts';

interface PinButtonProps {
  instance: string;
  endpoint: string;
  lookup: string;
  /** The record's title, kept as the pin's name. */
  title: string;
}

/** Pins the record to this instance's saved page (ADR 0032), or unpins it. */
export function PinButton({ instance, endpoint, lookup, title }: PinButtonProps) {
  const pins = usePinnedRecords(instance);
  const pinned = findPin(pins, endpoint, lookup) !== undefined;
  const toggle = (): void => {
    if (pinned) {
      unpinRecord(instance, endpoint, lookup);
      return;
    }
    const result = pinRecord(instance, { endpoint, lookup, name: title });
    if (result === 'full')
      showNotice({
        message: `${PIN_LIMIT} records are pinned already: unpin one first.`,
        href: paths.saved(instance),
        linkLabel: 'Saved',
      });
    else if (result === 'failed' || result === 'invalid')
      showNotice({ message: 'Could not pin the record: the browser refused to store it.' });
  };
  return (
    <Button
      size="xs"
      variant={pinned ? 'filled' : 'default'}
      leftSection={<IconPin size={14} />}
      aria-pressed={pinned}
      title={pinned ? 'Pinned on the Saved page; click to unpin' : 'Pin to the Saved page of this instance'}
      onClick={toggle}
    >
      {pinned ? 'Pinned' : 'Pin'}
    </Button>
  );
}
