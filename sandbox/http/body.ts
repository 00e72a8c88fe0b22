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

const MAX_JSON_DEPTH = 100;

/** DRF's ProhibitNullCharactersValidator (every CharField) and Python's recursion limit, up front. */
function checkHostileData(data: unknown, depth = 0): void {
  if (depth > MAX_JSON_DEPTH)
    throw detailError(
      400,
      'JSON parse error - maximum recursion depth exceeded while decoding a JSON document',
    );
  if (typeof data === 'string') {
    if (data.includes('\u0000')) throw detailError(400, 'Null characters are not allowed.');
  } else if (Array.isArray(data)) for (const item of data) checkHostileData(item, depth + 1);
  else if (typeof data === 'object' && data !== null)
    for (const [key, value] of Object.entries(data)) {
      checkHostileData(key, depth + 1);
      checkHostileData(value, depth + 1);
    }
}

/** DRF's parsers: JSON, form-urlencoded and multipart; an empty body is `{}`. */
export async function parseBody(request: Request): Promise<ParsedBody> {
  const parsed = await parseRaw(request);
  checkHostileData(parsed.data);
  return parsed;
}

async function parseRaw(request: Request): Promise<ParsedBody> {
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
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw detailError(400, 'Multipart form parse error - Invalid boundary in multipart: None');
    }
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
