import { ApiError, detailError } from './errors.ts';

export interface ParsedBody {
  data: unknown;
  /** True for form-urlencoded / multipart bodies (values are strings, repeated keys lists). */
  form: boolean;
}

function formToRecord(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of entries) {
    const value = typeof raw === 'string' ? raw : raw.name;
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...(previous as unknown[]), value] : [previous, value];
  }
  return out;
}

/** DRF's parsers: JSON, form-urlencoded and multipart; an empty body is `{}`. */
export async function parseBody(request: Request): Promise<ParsedBody> {
  const text = request.body ? await request.clone().text() : '';
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (text.length === 0) return { data: {}, form: type !== 'application/json' && type !== '' };
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { data: JSON.parse(text) as unknown, form: false };
    } catch (error) {
      throw detailError(400, `JSON parse error - ${(error as Error).message}`);
    }
  }
  if (type === 'application/x-www-form-urlencoded')
    return { data: formToRecord(new URLSearchParams(text).entries()), form: true };
  if (type === 'multipart/form-data') {
    const form = await request.formData();
    return { data: formToRecord(form.entries()), form: true };
  }
  throw new ApiError(415, { detail: `Unsupported media type "${type}" in request.` });
}

/** DRF Serializer.to_internal_value on non-dict data. */
export function expectObject(data: unknown): Record<string, unknown> {
  if (typeof data === 'object' && data !== null && !Array.isArray(data))
    return data as Record<string, unknown>;
  const kind = Array.isArray(data)
    ? 'list'
    : data === null
      ? 'NoneType'
      : typeof data === 'string'
        ? 'str'
        : typeof data === 'number'
          ? 'int'
          : 'bool';
  throw new ApiError(400, { non_field_errors: [`Invalid data. Expected a dictionary, but got ${kind}.`] });
}
