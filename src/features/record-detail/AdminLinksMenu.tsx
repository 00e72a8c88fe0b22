import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/Menu.layer.css';
import { Button, Menu } from '@mantine/core';
import { adminLinks } from '../../api/alyx-admin-links.ts';
import type { InstanceConfig } from '../../api/instances.ts';

interface AdminLinksMenuProps {
  instance: InstanceConfig;
  endpointName: string;
  lookup: string;
  record: Readonly<Record<string, unknown>> | undefined;
}

/**
 * "Open in Alyx admin": the record's Django admin pages (and a subject's water history and weighing
 * plot) on the instance's own site, where the configuration says it has them (ADR 0033).
 */
export function AdminLinksMenu({ instance, endpointName, lookup, record }: AdminLinksMenuProps) {
  const links = adminLinks(instance.adminUrl, endpointName, lookup, record);
  if (links.length === 0) return null;
  return (
    <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          title={`Alyx's own pages for this record on ${instance.name}, in a new tab`}
        >
          Open in Alyx admin
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {links.map((link) => (
          <Menu.Item key={link.id} component="a" href={link.href} target="_blank" rel="noopener noreferrer">
            {link.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
