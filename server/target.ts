/**
 * Why a raw request target must not be proxied, or undefined when it is a plain origin-form path.
 * Browsers never send dot segments, encoded slashes or absolute-form targets, so refusing them costs
 * nothing and keeps the proxy from being steered anywhere but the configured instance.
 */
export function unsafeTargetReason(rawTarget: string): string | undefined {
  if (!rawTarget.startsWith('/')) return 'only origin-form paths ("/api/…") are accepted';
  const queryStart = rawTarget.indexOf('?');
  const rawPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart);
  if (rawPath.includes('\\')) return 'backslash in path';
  const segments = rawPath.split('/').slice(1);
  for (const [index, segment] of segments.entries()) {
    if (segment === '' && index < segments.length - 1) return 'empty path segment ("//")';
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'malformed percent-encoding in path';
    }
    if (decoded === '.' || decoded === '..') return 'dot segment ("." or "..") in path';
    if (/[/\\\0]/.test(decoded)) return 'encoded slash, backslash or NUL in path';
  }
  return undefined;
}
