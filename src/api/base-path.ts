/**
 * Where the build is served: `/` by default, `/explorer/` when built with `EXPLORER_BASE=/explorer/`
 * (vite.config.ts), e.g. beside Alyx on its own origin (docs/deploy.md). Without a trailing slash,
 * as React Router's `basename` and a URL prefix want it; '' at the root.
 */
export function basePath(base: string = import.meta.env.BASE_URL): string {
  return base.replace(/\/+$/, '');
}

/**
 * An app path from a full URL's pathname: a loader's `request.url` still carries the base, which
 * the router's own paths (and so `?next=` targets) must not, or they would get it twice.
 */
export function withoutBase(pathname: string, base: string = basePath()): string {
  if (base === '') return pathname;
  if (pathname === base) return '/';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}
