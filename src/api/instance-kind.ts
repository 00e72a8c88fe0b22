/** Also what server/config.ts accepts: keep this module free of imports, as the app server loads it too. */
export const INSTANCE_KINDS = ['production', 'staging', 'test', 'sandbox'] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

/** Mantine colour names whose shade 9 carries white text at AA contrast; red is production's alone. */
export const INSTANCE_COLORS = [
  'gray',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
] as const;
export type InstanceColor = (typeof INSTANCE_COLORS)[number];

export function parseKind(value: unknown): InstanceKind | undefined {
  return INSTANCE_KINDS.find((kind) => kind === value);
}

export function parseColor(value: unknown): InstanceColor | undefined {
  return INSTANCE_COLORS.find((color) => color === value);
}

/** An absolute http(s) URL without credentials, query or fragment, trailing slashes dropped; else undefined. */
export function parseAdminUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * The colour an instance is drawn in: production always red (nothing else may be), otherwise its
 * configured colour, else one per kind; undefined draws no stripe.
 */
export function instanceColor(instance: { kind?: InstanceKind; color?: InstanceColor }): string | undefined {
  if (instance.kind === 'production') return 'red';
  if (instance.color) return instance.color;
  if (instance.kind === 'staging') return 'grape';
  if (instance.kind === 'test') return 'blue';
  return undefined;
}
