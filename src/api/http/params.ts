/** Query parameters: one normalised form for requests and for query keys. */

export type ParamValue =
  string | number | boolean | null | undefined | readonly (string | number | boolean)[];
export type ParamsInput = URLSearchParams | string | Readonly<Record<string, ParamValue>>;
/** Sorted by key, empty values dropped; a key repeated in the input keeps its values as an array. */
export type NormalizedParams = Record<string, string | string[]>;

function entriesOf(input: ParamsInput | undefined): [string, string][] {
  if (input === undefined) return [];
  if (typeof input === 'string')
    return [...new URLSearchParams(input.startsWith('?') ? input.slice(1) : input)];
  if (input instanceof URLSearchParams) return [...input];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value))
      for (const item of value as readonly (string | number | boolean)[]) out.push([key, String(item)]);
    else out.push([key, String(value)]);
  }
  return out;
}

export function normalizeParams(input?: ParamsInput): NormalizedParams {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of entriesOf(input)) {
    if (value === '') continue;
    const list = grouped.get(key);
    if (list) list.push(value);
    else grouped.set(key, [value]);
  }
  const out: NormalizedParams = {};
  for (const key of [...grouped.keys()].sort()) {
    const values = grouped.get(key) ?? [];
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

export function toSearchParams(input?: ParamsInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(normalizeParams(input))) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, value);
  }
  return params;
}

/** `?a=1&b=2` or '' — commas stay readable since Alyx list filters use them. */
export function toQueryString(input?: ParamsInput): string {
  const text = toSearchParams(input).toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}
