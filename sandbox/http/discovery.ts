import { dump } from 'js-yaml';
import type { ResourceDeclaration } from '../resources/types.ts';
import { html404, jsonResponse } from './errors.ts';
import { buildCoreApi } from '../schema/coreapi.ts';
import { buildOpenApi } from '../schema/openapi.ts';
import { buildRootList } from '../schema/root.ts';
import type { Runtime } from './runtime.ts';
import { baseUrlOf } from './urls.ts';

// The OpenAPI document depends only on the declarations: render it once per declaration set.
const openApiCache = new WeakMap<readonly ResourceDeclaration[], { json: string; yaml?: string }>();

function renderedOpenApi(resources: readonly ResourceDeclaration[]): { json: string; yaml?: string } {
  let cached = openApiCache.get(resources);
  if (!cached) {
    cached = { json: JSON.stringify(buildOpenApi(resources)) };
    openApiCache.set(resources, cached);
  }
  return cached;
}

/** `GET /`: the JSON list of endpoints older Alyx served; current Alyx redirects to the admin. */
export async function rootList(runtime: Runtime, request: Request): Promise<Response> {
  if (!runtime.discovery.has('root'))
    return new Response(null, { status: 302, headers: { location: '/admin' } });
  const baseUrl = baseUrlOf(request, runtime.publicUrl);
  return jsonResponse(200, buildRootList(runtime.resources, baseUrl));
}

/** The JSON media type the client asked for, or undefined for YAML. */
function jsonType(request: Request): string | undefined {
  const format = new URL(request.url).searchParams.get('format');
  if (format === 'json' || format === 'openapi-json') return 'application/vnd.oai.openapi+json';
  if (format) return undefined;
  const accept = (request.headers.get('accept') ?? '').toLowerCase();
  const first = accept.split(',')[0]?.split(';')[0]?.trim() ?? '';
  return first === 'application/json' || first === 'application/vnd.oai.openapi+json' ? first : undefined;
}

/** `GET /api/schema`: OpenAPI 3, YAML unless JSON is asked for (drf-spectacular's renderer order). */
export async function openApi(runtime: Runtime, request: Request): Promise<Response> {
  if (!runtime.discovery.has('openapi')) return html404();
  const rendered = renderedOpenApi(runtime.resources);
  const json = jsonType(request);
  if (json) return new Response(rendered.json, { headers: { 'content-type': json, vary: 'Accept' } });
  rendered.yaml ??= dump(JSON.parse(rendered.json), { noRefs: true, lineWidth: -1 });
  return new Response(rendered.yaml, {
    headers: { 'content-type': 'application/vnd.oai.openapi; charset=utf-8', vary: 'Accept' },
  });
}

const DOCS_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Alyx REST API documentation</title></head>
<body>
  <h1>Alyx REST API documentation (sandbox)</h1>
  <p>The OpenAPI document is at <a href="../api/schema?format=json">/api/schema</a>.
  Send <code>Accept: application/coreapi+json</code> to this URL for the CoreAPI document.</p>
</body>
</html>
`;

/** `GET /docs/`: the frozen CoreAPI document for `Accept: application/coreapi+json`, else an HTML page. */
export async function docs(runtime: Runtime, request: Request): Promise<Response> {
  if (!runtime.discovery.has('coreapi')) return html404();
  const accept = (request.headers.get('accept') ?? '').toLowerCase();
  if (!accept.startsWith('application/coreapi+json')) {
    return new Response(DOCS_HTML, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  const baseUrl = baseUrlOf(request, runtime.publicUrl);
  return new Response(JSON.stringify(buildCoreApi(runtime.resources, baseUrl)), {
    headers: { 'content-type': 'application/coreapi+json', vary: 'Accept' },
  });
}
