/** Headers every response of the explorer carries, whatever produced it (app shell, asset, proxy, error). */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/**
 * What a proxied answer may do when a browser opens it as a document: nothing. `sandbox` gives it an
 * opaque origin, so even a script that slipped past the content-type rules cannot read the explorer's storage.
 */
export const PROXY_CSP =
  "sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface AppCspOptions {
  /** Origins the browser calls directly (the `proxy: false` instances). */
  connectOrigins?: readonly string[];
  /** Vite's dev server: its HMR client and React refresh preamble are inline scripts over a WebSocket. */
  dev?: boolean;
  /** Hashes of the inline scripts the app server writes itself (the prerender's gate, ADR 0038). */
  scriptHashes?: readonly string[];
}

/** The app's own policy. Styles stay `'unsafe-inline'`: Mantine writes `<style>` tags and style attributes at run time. */
export function appCsp(options: AppCspOptions = {}): string {
  const connect = ["'self'", ...new Set(options.connectOrigins ?? [])];
  if (options.dev) connect.push('ws:', 'wss:');
  return [
    "default-src 'self'",
    options.dev
      ? "script-src 'self' 'unsafe-inline'"
      : ["script-src 'self'", ...(options.scriptHashes ?? [])].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The same response with the common headers and `csp` set, replacing whatever was there. */
export function withSecurityHeaders(response: Response, csp: string): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) headers.set(name, value);
  headers.set('content-security-policy', csp);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
