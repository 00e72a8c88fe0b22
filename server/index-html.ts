import type { PublicInstance } from './config.ts';

/** The id of the element holding the instance table in the app shell (read by src/api/injected-instances.ts). */
export const INSTANCES_ELEMENT_ID = 'explorer-instances';

/**
 * The instance table as JSON that cannot leave its element: `<`, `>` and `&` become `\u003c`…, so
 * no `</script>` or `<!--` can appear, and U+2028/U+2029 are escaped for older JSON readers.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The app shell with the instance table in it, so the app does not wait for `GET /__explorer/instances`
 * before its first route. A `type="application/json"` element is data, never run: the CSP's
 * `script-src 'self'` stays as strict as it is (ADR 0009, ADR 0022).
 */
export function injectInstanceTable(html: string, instances: readonly PublicInstance[]): string {
  const element = `<script type="application/json" id="${INSTANCES_ELEMENT_ID}">${inertJson(instances)}</script>`;
  // A function, not a string: `$&` or `$'` in the JSON must not be read as replacement patterns.
  return html.includes('</head>') ? html.replace('</head>', () => `${element}</head>`) : `${element}${html}`;
}
