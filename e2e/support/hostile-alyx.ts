/**
 * The hostile instance's Alyx look-alike: an OpenAPI document, records and error bodies built from
 * the XSS corpus. One endpoint, `notes`, with list, detail, create and edit, so every view has
 * something hostile to render.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HOSTILE_KEYS,
  MARKDOWN_PAYLOADS,
  MARKUP_PAYLOADS,
  URL_PAYLOADS,
  XSS_CORPUS,
  hostileJson,
} from './xss-corpus.ts';

export const HOSTILE_TOKEN = 'hostile0token0never0in0a0url000000000000';
/** Detail lookups that answer an error with a hostile body. */
export const HOSTILE_500_ID = '00000000-0000-4000-8000-000000000500';
export const HOSTILE_404_ID = '00000000-0000-4000-8000-000000000404';

const DESCRIPTION = [...MARKDOWN_PAYLOADS, ...MARKUP_PAYLOADS.slice(0, 8), ...URL_PAYLOADS.slice(0, 4)].join(
  '\n\n',
);
const ERROR_TEXT = [...MARKUP_PAYLOADS.slice(0, 6), ...URL_PAYLOADS.slice(0, 3)].join(' ');

const idOf = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;

function noteProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    id: { type: 'string', format: 'uuid', readOnly: true, description: DESCRIPTION },
    url: { type: 'string', format: 'uri', readOnly: true, description: DESCRIPTION },
    name: { type: 'string', maxLength: 200_000, description: DESCRIPTION },
    text: { type: 'string', description: DESCRIPTION },
    link: { type: 'string', format: 'uri', description: DESCRIPTION },
    json: { type: 'object', additionalProperties: {}, nullable: true, description: DESCRIPTION },
  };
  for (const key of HOSTILE_KEYS) properties[key] = { type: 'string', nullable: true, description: key };
  return properties;
}

function openApi(): unknown {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema: unknown) => ({
    content: { 'application/json': { schema } },
    description: DESCRIPTION,
  });
  const idParam = {
    in: 'path',
    name: 'id',
    required: true,
    schema: { type: 'string', format: 'uuid' },
    description: DESCRIPTION,
  };
  return {
    openapi: '3.0.3',
    info: { title: MARKUP_PAYLOADS[0], version: '0', description: DESCRIPTION },
    paths: {
      '/notes': {
        get: {
          operationId: 'notes_list',
          description: DESCRIPTION,
          parameters: [
            { in: 'query', name: 'limit', schema: { type: 'integer' } },
            { in: 'query', name: 'offset', schema: { type: 'integer' } },
            { in: 'query', name: 'name', schema: { type: 'string' }, description: DESCRIPTION },
          ],
          responses: { 200: json(ref('PaginatedNoteList')) },
        },
        post: {
          operationId: 'notes_create',
          description: DESCRIPTION,
          requestBody: { content: { 'application/json': { schema: ref('Note') } }, required: true },
          responses: { 201: json(ref('Note')) },
        },
      },
      '/notes/{id}': {
        get: {
          operationId: 'notes_retrieve',
          description: DESCRIPTION,
          parameters: [idParam],
          responses: { 200: json(ref('Note')) },
        },
        patch: {
          operationId: 'notes_partial_update',
          parameters: [idParam],
          requestBody: { content: { 'application/json': { schema: ref('PatchedNote') } } },
          responses: { 200: json(ref('Note')) },
        },
        put: {
          operationId: 'notes_update',
          parameters: [idParam],
          requestBody: { content: { 'application/json': { schema: ref('Note') } }, required: true },
          responses: { 200: json(ref('Note')) },
        },
      },
    },
    components: {
      schemas: {
        Note: { type: 'object', description: DESCRIPTION, properties: noteProperties(), required: ['name'] },
        PatchedNote: { type: 'object', properties: noteProperties() },
        PaginatedNoteList: {
          type: 'object',
          required: ['count', 'results'],
          properties: {
            count: { type: 'integer' },
            next: { type: 'string', nullable: true, format: 'uri' },
            previous: { type: 'string', nullable: true, format: 'uri' },
            results: { type: 'array', items: ref('Note') },
          },
        },
      },
    },
  };
}

function notes(base: string): Record<string, unknown>[] {
  return XSS_CORPUS.map((payload, i) => {
    const id = idOf(i);
    const record: Record<string, unknown> = {
      id,
      // The first record's url is a real hyperlink, the others are hostile URLs.
      url: i === 0 ? `${base}/notes/${id}` : URL_PAYLOADS[i % URL_PAYLOADS.length],
      name: payload,
      text: XSS_CORPUS[(i + 1) % XSS_CORPUS.length],
      link: URL_PAYLOADS[i % URL_PAYLOADS.length],
      json: hostileJson(),
    };
    for (const [k, key] of HOSTILE_KEYS.entries()) record[key] = XSS_CORPUS[(i + k) % XSS_CORPUS.length];
    return record;
  });
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  // JSON.stringify of a parsed object keeps `__proto__` keys as the hostile server means them.
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Answers the Alyx part of the hostile instance; false when the path is not one of its. */
export function serveHostileAlyx(req: IncomingMessage, res: ServerResponse, base: string): boolean {
  const url = new URL(req.url ?? '/', base);
  const { pathname } = url;
  const method = req.method ?? 'GET';
  if (pathname === '/') {
    send(res, 200, { notes: `${base}/notes` });
  } else if (pathname === '/api/schema') {
    send(res, 200, openApi());
  } else if (pathname === '/auth-token' && method === 'POST') {
    send(res, 200, { token: HOSTILE_TOKEN });
  } else if (pathname === '/users') {
    // Not a public account: the forms stay writable, so their refusals come from the server.
    const results = url.searchParams.has('is_public_user') ? [] : [{ username: MARKUP_PAYLOADS[2] }];
    send(res, 200, { count: results.length, next: null, previous: null, results });
  } else if (pathname === '/notes' && method === 'GET') {
    const all = notes(base);
    const limit = Number(url.searchParams.get('limit') ?? 25) || 25;
    const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
    const next = offset + limit < all.length ? `${base}/notes?limit=${limit}&offset=${offset + limit}` : null;
    send(res, 200, { count: all.length, next, previous: null, results: all.slice(offset, offset + limit) });
  } else if (pathname.startsWith('/notes') && method !== 'GET' && method !== 'OPTIONS') {
    // Every write is refused with hostile field errors, so forms show them.
    req.resume();
    send(res, 400, {
      name: [ERROR_TEXT],
      text: [URL_PAYLOADS[0]],
      non_field_errors: [MARKUP_PAYLOADS[1], 'x'.repeat(100_000)],
      [HOSTILE_KEYS[3] ?? 'k']: [MARKUP_PAYLOADS[3]],
    });
  } else if (pathname === `/notes/${HOSTILE_500_ID}`) {
    send(
      res,
      500,
      `<!doctype html><h1>Server Error</h1>${ERROR_TEXT}<script>window.__xss=1</script>`,
      'text/html',
    );
  } else if (pathname === `/notes/${HOSTILE_404_ID}`) {
    send(res, 404, { detail: ERROR_TEXT, [HOSTILE_KEYS[0] ?? 'k']: { polluted: true } });
  } else if (pathname.startsWith('/notes/')) {
    const found = notes(base).find((note) => `/notes/${String(note.id)}` === pathname);
    if (found) send(res, 200, found);
    else send(res, 404, { detail: ERROR_TEXT });
  } else if (pathname === '/notes' && method === 'OPTIONS') {
    send(res, 200, { name: MARKUP_PAYLOADS[0], description: DESCRIPTION, renders: ['application/json'] });
  } else {
    return false;
  }
  return true;
}
