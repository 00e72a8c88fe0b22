import { Text } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { EndpointModel } from '../../api/schema/model.ts';
import { IconChevron } from '../../components/icons.tsx';
import classes from './EndpointTree.module.css';
import type { TreeGroup } from '../../api/schema/groups.ts';
import { TreeLeaf } from './TreeLeaf.tsx';

export interface EndpointTreeProps {
  groups: readonly TreeGroup[];
  /** Endpoint of the current URL. */
  selected: string | null;
  /** True while a filter is active: every group with matches is open. */
  filtering: boolean;
  hrefFor: (endpoint: EndpointModel) => string;
  docsHrefFor: (endpoint: EndpointModel) => string;
}

const groupKey = (group: string): string => `group:${group}`;
const leafKey = (endpoint: string): string => `endpoint:${endpoint}`;

/**
 * The WAI-ARIA navigation tree pattern: leaves are real links (middle-click, copy link work),
 * arrows move a roving focus, Enter follows the link. The open group and the selected leaf come
 * from the URL; the user's own toggles are the only local state.
 */
export function EndpointTree({ groups, selected, filtering, hrefFor, docsHrefFor }: EndpointTreeProps) {
  const navigate = useNavigate();
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const [focused, setFocused] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const docsLinks = useRef(new Map<HTMLElement, string>());

  const selectedGroup = groups.find((g) => g.endpoints.some((e) => e.name === selected))?.group ?? null;
  // Every group starts open, so a new user sees every endpoint at first sight; collapsing is the user's choice.
  const isExpanded = (group: string): boolean => filtering || (toggled[group] ?? true);

  const visible: { key: string; group: string; endpoint?: EndpointModel }[] = [];
  for (const g of groups) {
    visible.push({ key: groupKey(g.group), group: g.group });
    if (isExpanded(g.group))
      for (const e of g.endpoints) visible.push({ key: leafKey(e.name), group: g.group, endpoint: e });
  }
  const fallback = selected && isExpanded(selectedGroup ?? '') ? leafKey(selected) : visible[0]?.key;
  const tabbable = focused !== null && visible.some((item) => item.key === focused) ? focused : fallback;

  const register = (key: string) => (element: HTMLElement | null) => {
    if (element) elements.current.set(key, element);
    else elements.current.delete(key);
  };
  const registerDocs = (endpoint: string) => (element: HTMLElement | null) => {
    for (const [link, name] of docsLinks.current) if (name === endpoint) docsLinks.current.delete(link);
    if (element) docsLinks.current.set(element, endpoint);
  };
  const focus = (key: string | undefined): void => {
    if (key === undefined) return;
    setFocused(key);
    elements.current.get(key)?.focus();
  };
  const toggle = (group: string, open?: boolean): void =>
    setToggled((current) => ({ ...current, [group]: open ?? !isExpanded(group) }));

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const docsOf = docsLinks.current.get(document.activeElement as HTMLElement);
    if (docsOf !== undefined) {
      if (event.key === 'ArrowLeft' || event.key === 'Escape') {
        event.preventDefault();
        focus(leafKey(docsOf));
      }
      return; // Enter follows the docs link natively.
    }
    const index = visible.findIndex((item) => elements.current.get(item.key) === document.activeElement);
    const item = visible[index];
    if (!item) return;
    const handled = (action: () => void): void => {
      event.preventDefault();
      action();
    };
    switch (event.key) {
      case 'ArrowDown':
        return handled(() => focus(visible[index + 1]?.key));
      case 'ArrowUp':
        return handled(() => focus(visible[index - 1]?.key));
      case 'Home':
        return handled(() => focus(visible[0]?.key));
      case 'End':
        return handled(() => focus(visible[visible.length - 1]?.key));
      case 'ArrowRight':
        if (item.endpoint) {
          const docs = [...docsLinks.current].find(([, name]) => name === item.endpoint?.name)?.[0];
          return docs ? handled(() => docs.focus()) : undefined;
        }
        return handled(() =>
          isExpanded(item.group) ? focus(visible[index + 1]?.key) : toggle(item.group, true),
        );
      case 'ArrowLeft':
        return handled(() =>
          item.endpoint || !isExpanded(item.group) ? focus(groupKey(item.group)) : toggle(item.group, false),
        );
      case 'Enter':
      case ' ':
        if (item.endpoint) {
          if (event.key === ' ') return;
          return handled(() => void navigate(hrefFor(item.endpoint as EndpointModel)));
        }
        return handled(() => toggle(item.group));
      default:
        return;
    }
  };

  return (
    <ul role="tree" aria-label="Endpoints" className={classes.tree} onKeyDown={onKeyDown}>
      {groups.map((g) => {
        const expanded = isExpanded(g.group);
        const key = groupKey(g.group);
        return (
          <li role="none" key={g.group}>
            <div
              ref={register(key)}
              role="treeitem"
              aria-expanded={expanded}
              aria-selected={false}
              aria-level={1}
              aria-owns={expanded ? `tree-group-${g.group}` : undefined}
              tabIndex={tabbable === key ? 0 : -1}
              className={classes.groupItem}
              onClick={() => toggle(g.group)}
              onFocus={() => setFocused(key)}
              onKeyDown={() => undefined}
            >
              <IconChevron size={14} className={classes.chevron} data-expanded={expanded} />
              <span>{g.label}</span>
              <Text span size="xs" c="dimmed" fw={400}>
                {g.endpoints.length}
              </Text>
            </div>
            {expanded ? (
              <ul role="group" id={`tree-group-${g.group}`} aria-label={g.label} className={classes.group}>
                {g.endpoints.map((endpoint) => {
                  const k = leafKey(endpoint.name);
                  return (
                    <TreeLeaf
                      key={endpoint.name}
                      endpoint={endpoint}
                      href={hrefFor(endpoint)}
                      docsHref={docsHrefFor(endpoint)}
                      selected={endpoint.name === selected}
                      tabbable={tabbable === k}
                      register={register(k)}
                      registerDocs={registerDocs(endpoint.name)}
                      onFocus={() => setFocused(k)}
                    />
                  );
                })}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
