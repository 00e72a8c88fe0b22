/** Absolute base URL (no trailing slash) as the client sees this instance. */
export function baseUrlOf(request: Request, publicUrl?: string | null): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const url = new URL(request.url);
  const first = (value: string | null) => value?.split(',')[0]?.trim() || undefined;
  const proto = first(request.headers.get('x-forwarded-proto')) ?? url.protocol.replace(/:$/, '');
  const host = first(request.headers.get('x-forwarded-host')) ?? request.headers.get('host') ?? url.host;
  const prefix = (first(request.headers.get('x-forwarded-prefix')) ?? '').replace(/\/+$/, '');
  return `${proto}://${host}${prefix}`;
}

/** Python's `quote_plus`: only `A-Za-z0-9_.-~` stay literal, space becomes `+`. */
export function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Django's `replace_query_param` / `remove_query_param`: params re-encoded, keys sorted. */
export function rewriteQuery(
  absoluteUrl: string,
  set: Record<string, string>,
  remove: readonly string[] = [],
): string {
  const url = new URL(absoluteUrl);
  const grouped = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) {
    const list = grouped.get(key) ?? [];
    list.push(value);
    grouped.set(key, list);
  }
  for (const [key, value] of Object.entries(set)) grouped.set(key, [value]);
  for (const key of remove) grouped.delete(key);
  const keys = [...grouped.keys()].sort();
  const query = keys
    .flatMap((key) => (grouped.get(key) ?? []).map((v) => `${quotePlus(key)}=${quotePlus(v)}`))
    .join('&');
  return `${absoluteUrl.split('?')[0]}${query ? `?${query}` : ''}`;
}
