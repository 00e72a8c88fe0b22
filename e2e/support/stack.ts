/** Where the end-to-end stack listens: the app server and one sandbox per discovery generation. */
// E2E_PORT_OFFSET lets several checkouts on one machine run their stacks side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
export const E2E_APP_PORT = 5181 + offset;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;

export interface E2eSandbox {
  instance: string;
  port: number;
  args: string[];
  /** Extra keys of its explorer.config.json entry (kind, color, admin). */
  config?: Record<string, unknown>;
}

export const E2E_SANDBOXES: readonly E2eSandbox[] = [
  // The main instance, with fault injection on so failure journeys can drive it.
  { instance: 'sandbox', port: 8101 + offset, args: ['--faults'] },
  // Plays a production instance (red header, write notices) whose Django admin is linked to.
  {
    instance: 'coreapi',
    port: 8102 + offset,
    args: ['--discovery', 'coreapi'],
    config: { kind: 'production', admin: true },
  },
  { instance: 'rootonly', port: 8103 + offset, args: ['--discovery', 'root'] },
];

/**
 * A hostile instance (e2e/support/hostile-server.ts): a JSON root so it configures like any instance,
 * plus pages that try to run script on the explorer's origin or frame it.
 */
export const E2E_HOSTILE = { instance: 'hostile', port: 8104 + offset } as const;
export const E2E_HOSTILE_URL = `http://127.0.0.1:${E2E_HOSTILE.port}`;

export const sandboxUrl = (instance: string): string => {
  const found = E2E_SANDBOXES.find((s) => s.instance === instance);
  if (!found) throw new Error(`No e2e sandbox named ${instance}`);
  return `http://127.0.0.1:${found.port}`;
};

export const DEMO_ACCOUNTS = {
  admin: { username: 'admin', password: 'admin' },
  alice: { username: 'alice', password: 'alice' },
  public: { username: 'public', password: 'public' },
} as const;
