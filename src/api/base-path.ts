/**
 * Where the build is served: `/` by default, `/explorer/` when built with `EXPLORER_BASE=/explorer/`
 * (vite.config.ts), e.g. beside Alyx on its own origin (docs/deploy.md). Without a trailing slash,
 * as React Router's `basename` and a URL prefix want it; '' at the root.
 */
export function basePath(base: string = import.meta.env.BASE_URL): string {
  return base.replace(/\/+$/, '');
}
