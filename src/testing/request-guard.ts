/**
 * jsdom tests talk to real servers (the sandbox on a loopback port), never to a mock. This guard
 * makes a request nobody expected fail the test loudly instead of surfacing as a silent network
 * error on screen: only origins registered with `expectRequestsTo` are passed through to the real
 * `fetch`; anything else is refused and reported after the test.
 */
const expectedOrigins = new Set<string>();
const unexpected: string[] = [];
let installed = false;

export function expectRequestsTo(baseUrl: string): () => void {
  const origin = new URL(baseUrl).origin;
  expectedOrigins.add(origin);
  return () => expectedOrigins.delete(origin);
}

function describe(input: RequestInfo | URL, init?: RequestInit): { url: URL; method: string } {
  const raw = input instanceof Request ? input.url : String(input);
  const base = typeof window === 'undefined' ? 'http://unexpected.invalid' : window.location.href;
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  return { url: new URL(raw, base), method };
}

export function installRequestGuard(): void {
  if (installed) return;
  installed = true;
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { url, method } = describe(input, init);
    if (expectedOrigins.has(url.origin)) return realFetch(input, init);
    unexpected.push(`${method} ${url.href}`);
    return Promise.reject(new TypeError(`Unexpected request in a test: ${method} ${url.href}`));
  };
}

/** The unexpected requests since the last call (and forgets them). */
export function takeUnexpectedRequests(): string[] {
  return unexpected.splice(0);
}
