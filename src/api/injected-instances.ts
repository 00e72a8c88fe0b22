import { parseInstances, type InstanceConfig } from './instances.ts';

/** Kept in step with server/index-html.ts, which writes the element. */
const ELEMENT_ID = 'explorer-instances';

/**
 * The instance table the app server wrote into the page (ADR 0022), or undefined where there is none
 * (Vite's dev server, tests) or it is unreadable: then the app asks `GET /__explorer/instances`.
 */
export function injectedInstances(): InstanceConfig[] | undefined {
  if (typeof document === 'undefined') return undefined;
  const element = document.getElementById(ELEMENT_ID);
  if (!(element instanceof HTMLScriptElement) || element.type !== 'application/json') return undefined;
  try {
    const data: unknown = JSON.parse(element.textContent);
    return Array.isArray(data) ? parseInstances(data) : undefined;
  } catch {
    return undefined;
  }
}
