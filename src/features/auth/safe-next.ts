/** Only same-app paths are followed after login: `/x/y?z`, never `//host` or `https://…`. */
export function safeNext(next: string | undefined | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
