import { lazy, Suspense, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { parseAppPath, paths } from '../../config/paths.ts';
import { noteEarlyEnter, noteEarlyText } from '../../lib/palette-early-input.ts';
import { rememberRecentRecord } from '../../lib/recent-records.ts';
import { useShortcut } from '../../lib/shortcut-registry.ts';
import { useShortcutListener } from '../../lib/use-shortcut-listener.ts';

// The palette and the help sheet (Modal, Combobox, floating-ui: ~30 KB gzip) are not part of the
// first screen; they load when the browser is idle after it, so Ctrl-K is ready a moment later.
const loadPalette = () => import('../../features/go-to/CommandPalette.tsx');
const loadHelp = () => import('./ShortcutHelp.tsx');
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));
const ShortcutHelp = lazy(() => loadHelp().then((m) => ({ default: m.ShortcutHelp })));

/**
 * Stands in for the palette while its code loads: a plain input that keeps what is typed (a UUID
 * pasted straight after Ctrl-K) and an Enter, for the palette to take over when it mounts.
 */
function PaletteStandIn() {
  return (
    <div role="dialog" aria-label="Command palette" className="palette-stand-in">
      <input
        ref={(node) => node?.focus()}
        aria-label="Go to or run"
        onChange={(event) => noteEarlyText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') noteEarlyEnter();
        }}
        style={{
          position: 'fixed',
          top: '10vh',
          left: '50%',
          transform: 'translateX(-50%)',
          width: 'min(40rem, 90vw)',
          zIndex: 300,
        }}
      />
    </div>
  );
}

function usePreloadWhenIdle(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const load = () => void Promise.all([loadPalette(), loadHelp()]).catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(load, 500);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(load, { timeout: 3000 });
    return () => cancelIdleCallback(handle);
  }, [ready]);
}

interface GlobalShortcutsProps {
  instance: InstanceConfig | undefined;
  instances: readonly InstanceConfig[];
  signedIn: boolean;
  model: ApiModel | undefined;
}

const FORM_VIEWS = new Set(['create', 'edit', 'replace']);

/** The form being filled: the one holding focus, else the only one in the main area. */
function currentForm(): HTMLFormElement | null {
  const focused = document.activeElement?.closest('form');
  return focused ?? document.querySelector('main form');
}

/** App-wide shortcuts, the ones that follow from the current view, the palette and the help sheet. */
export function GlobalShortcuts({ instance, instances, signedIn, model }: GlobalShortcutsProps) {
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const here = parseAppPath(location.pathname, location.search);
  const ready = instance !== undefined && signedIn;
  const name = instance?.name;
  const { endpoint, lookup, view } = here;
  useShortcutListener();
  usePreloadWhenIdle(ready);
  // Mounted from their first opening on, so later ones keep the Modal's transitions.
  const [paletteUsed, setPaletteUsed] = useState(false);
  const [helpUsed, setHelpUsed] = useState(false);
  if (palette && !paletteUsed) setPaletteUsed(true);
  if (help && !helpUsed) setHelpUsed(true);

  useEffect(() => {
    if (name && signedIn && view === 'record' && endpoint && lookup !== undefined)
      rememberRecentRecord(name, { endpoint, lookup });
  }, [name, signedIn, view, endpoint, lookup]);

  useShortcut({
    id: 'palette',
    keys: ['mod+k'],
    whileTyping: true,
    description: 'Open the command palette',
    group: 'General',
    enabled: ready,
    run: () => {
      setHelp(false);
      setPalette(true);
    },
  });
  useShortcut({
    id: 'help',
    keys: ['?'],
    description: 'Show this list of shortcuts',
    group: 'General',
    run: () => setHelp(true),
  });
  useShortcut({
    id: 'home',
    keys: ['g h'],
    description: 'Go home: the instance overview',
    group: 'Navigation',
    run: () => void navigate(name ? paths.instance(name) : paths.home()),
  });
  useShortcut({
    id: 'console',
    keys: ['g c'],
    description: 'Go to the request console',
    group: 'Navigation',
    enabled: ready,
    run: () => name && void navigate(paths.console(name)),
  });
  useShortcut({
    id: 'history',
    keys: ['g y'],
    description: 'Go to the request history',
    group: 'Navigation',
    enabled: ready,
    run: () => name && void navigate(paths.history(name)),
  });
  useShortcut({
    id: 'saved',
    keys: ['g s'],
    description: 'Go to the saved queries and pinned records',
    group: 'Navigation',
    enabled: ready,
    run: () => name && void navigate(paths.saved(name)),
  });
  useShortcut({
    id: 'record.edit',
    keys: ['e'],
    description: 'Edit this record',
    group: 'Record',
    enabled: ready && view === 'record',
    run: () => name && endpoint && lookup !== undefined && void navigate(paths.edit(name, endpoint, lookup)),
  });
  useShortcut({
    id: 'record.up',
    keys: ['u'],
    description: 'Back to the list',
    group: 'Record',
    enabled: ready && (view === 'record' || FORM_VIEWS.has(view)) && endpoint !== undefined,
    run: () => name && endpoint && void navigate(paths.list(name, endpoint)),
  });
  useShortcut({
    id: 'form.save',
    keys: ['mod+Enter', 'mod+s'],
    whileTyping: true,
    description: 'Save the form',
    group: 'Form',
    enabled: ready && FORM_VIEWS.has(view),
    run: () => currentForm()?.requestSubmit(),
  });

  return (
    <>
      {instance && ready && paletteUsed ? (
        <Suspense fallback={palette ? <PaletteStandIn /> : null}>
          <CommandPalette
            opened={palette}
            onClose={() => setPalette(false)}
            instance={instance}
            instances={instances}
            model={model}
            onShowShortcuts={() => setHelp(true)}
          />
        </Suspense>
      ) : null}
      {helpUsed ? (
        <Suspense fallback={null}>
          <ShortcutHelp opened={help} onClose={() => setHelp(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
