import type { Plugin } from 'vite';

/** Placeholder until the app server's proxy lands: mounts the same-origin Alyx proxy in Vite's dev server. */
export function alyxProxyPlugin(): Plugin {
  return { name: 'alyx-proxy' };
}
