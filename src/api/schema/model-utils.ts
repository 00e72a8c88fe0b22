import type { EndpointModel, FieldKind, FieldModel, HttpMethod, SchemaSource } from './model.ts';
import { endpointGroup } from './groups.ts';

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Action (RPC-style) endpoints: never listed as browsable resources; `POST /sync-file-status` even starts a server-side sync. */
const ACTION_ENDPOINTS = new Set([
  'register-file',
  'new-download',
  'sync-file-status',
  'check-protected',
  'auth-token',
  'api',
  'uploaded',
  'water-requirement',
  'docs',
  'admin',
]);

export function isActionEndpoint(name: string): boolean {
  return ACTION_ENDPOINTS.has(name) || name.startsWith('cache');
}

export function emptyEndpoint(name: string, source: SchemaSource): EndpointModel {
  return {
    name,
    group: endpointGroup(name),
    filters: [],
    listFields: [],
    detailFields: [],
    browsable: !isActionEndpoint(name),
    sources: [source],
  };
}

export function makeField(name: string, kind: FieldKind, extra: Partial<FieldModel> = {}): FieldModel {
  return { name, kind, required: false, readOnly: false, writeOnly: false, nullable: false, ...extra };
}

const BODY_SLOTS = { POST: 'createFields', PUT: 'updateFields', PATCH: 'patchFields' } as const;

/** Records one write body of an endpoint and which source described it (empty bodies are no description). */
export function setBody(
  endpoint: EndpointModel,
  method: 'POST' | 'PUT' | 'PATCH',
  source: SchemaSource,
  fields: FieldModel[],
): void {
  if (fields.length === 0) return;
  endpoint[BODY_SLOTS[method]] = fields;
  endpoint.bodySources = { ...endpoint.bodySources, [method]: source };
}

/**
 * A field's description, or undefined when the text only repeats the field's name: DRF labels and
 * coreapi titles ("Start time" for `start_time`) say nothing a form's label does not.
 */
export function fieldDescription(name: string, ...texts: (string | undefined)[]): string | undefined {
  const echo = name.replace(/_/g, ' ').trim().toLowerCase();
  return texts.find((text) => text !== undefined && text.trim() !== '' && text.trim().toLowerCase() !== echo);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Free-text fields get a multi-line input; Alyx does not say which strings are long. */
const TEXT_FIELDS = new Set([
  'description',
  'narrative',
  'text',
  'log',
  'notes',
  'comment',
  'comments',
  'adverse_effects',
]);

export function stringKindFor(name: string, maxLength: number | undefined): FieldKind {
  return maxLength === undefined && TEXT_FIELDS.has(name) ? 'text' : 'string';
}

/** drf-spectacular enum descriptions: "* `M` - Male\n* `F` - Female". */
export function enumLabels(description: string | undefined): Map<string, string> {
  const labels = new Map<string, string>();
  if (!description) return labels;
  for (const match of description.matchAll(/^\s*\*\s+`([^`]*)`\s+-\s+(.+)$/gm)) {
    if (match[1] !== undefined && match[2] !== undefined) labels.set(match[1], match[2].trim());
  }
  return labels;
}

/** Strips the indentation Alyx docstrings carry so Markdown does not turn them into code blocks. */
export function cleanDescription(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const indents = lines
    .filter((line) => line.trim().length > 0)
    .map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  let out = lines
    .map((line) => line.slice(common))
    .join('\n')
    .trim();
  // The first docstring line often keeps its indentation while the rest do not.
  out = out.replace(/^\s+/, '').replace(/^get:\s*/i, '');
  return out.length > 0 ? out : undefined;
}

export function addMethods(target: HttpMethod[], methods: Iterable<HttpMethod>): HttpMethod[] {
  const set = new Set([...target, ...methods]);
  return HTTP_METHODS.filter((method) => set.has(method));
}
