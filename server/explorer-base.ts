/**
 * The build's public base path from `EXPLORER_BASE` (vite.config.ts): `/` unless set, always with a
 * leading and a trailing slash. Only plain path segments: it ends up in HTML attributes and URLs.
 */
export function explorerBase(value: string | undefined): string {
  const raw = value?.trim() ?? '';
  if (raw === '' || raw === '/') return '/';
  const base = `/${raw.replace(/^\/+|\/+$/g, '')}/`;
  if (!/^(\/[A-Za-z0-9._~-]+)+\/$/.test(base) || /\/\.\.?\//.test(base))
    throw new Error(`EXPLORER_BASE must be a path such as /explorer/, got "${value}"`);
  return base;
}
