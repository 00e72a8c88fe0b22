import { jsonResponse, validationError } from './errors.ts';

export const FAULT_KINDS = [
  'latency',
  'status',
  'json500',
  'html500',
  'html200',
  'malformed',
  'drop',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  id: number;
  path: string;
  method?: string;
  kind: FaultKind;
  status?: number;
  latencyMs?: number;
  retryAfter?: number;
  /** Remaining matches; undefined = unlimited. */
  times?: number;
}

/** Thrown for a `drop` fault: in-process it reads like fetch's network failure; the node server destroys the socket. */
export class ConnectionDropped extends TypeError {
  constructor() {
    super('fetch failed');
  }
}

const HTML_500 = `<!doctype html>
<html lang="en">
<head><title>Server Error</title></head>
<body><h1>Server Error (500)</h1><p>An error occurred on the sandbox (injected fault).</p></body>
</html>
`;

function html(status: number): Response {
  return new Response(HTML_500, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function statusResponse(rule: FaultRule): Response {
  const status = rule.status ?? 500;
  if (status === 403)
    return jsonResponse(403, {
      detail: 'You do not have permission to perform this action.',
      status_code: 403,
    });
  if (status === 429) {
    const wait = rule.retryAfter ?? 1;
    return jsonResponse(
      429,
      {
        detail: `Request was throttled. Expected available in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`,
        status_code: 429,
      },
      { 'retry-after': String(wait) },
    );
  }
  if (status === 204) return new Response(null, { status });
  return jsonResponse(
    status,
    { detail: `Injected fault: HTTP ${status}.`, status_code: status },
    rule.retryAfter ? { 'retry-after': String(rule.retryAfter) } : {},
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rules injected through `/__sandbox/faults`, matched in order on path regex and method. */
export class FaultStore {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: unknown): FaultRule {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw validationError({ non_field_errors: ['Expected a JSON object.'] });
    const body = input as Record<string, unknown>;
    const errors: Record<string, string[]> = {};
    if (typeof body.path !== 'string') errors.path = ['This field is required.'];
    else {
      try {
        new RegExp(body.path);
      } catch {
        errors.path = ['Not a valid regular expression.'];
      }
    }
    if (!FAULT_KINDS.includes(body.kind as FaultKind))
      errors.kind = [`"${String(body.kind)}" is not a valid choice.`];
    for (const key of ['status', 'latencyMs', 'retryAfter', 'times']) {
      if (
        body[key] !== undefined &&
        (typeof body[key] !== 'number' || !Number.isInteger(body[key]) || (body[key] as number) < 0)
      ) {
        errors[key] = ['A valid integer is required.'];
      }
    }
    if (body.method !== undefined && typeof body.method !== 'string') errors.method = ['Not a valid string.'];
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const rule: FaultRule = {
      id: this.nextId++,
      path: body.path as string,
      kind: body.kind as FaultKind,
      ...(typeof body.method === 'string' ? { method: body.method.toUpperCase() } : {}),
      ...(typeof body.status === 'number' ? { status: body.status } : {}),
      ...(typeof body.latencyMs === 'number' ? { latencyMs: body.latencyMs } : {}),
      ...(typeof body.retryAfter === 'number' ? { retryAfter: body.retryAfter } : {}),
      ...(typeof body.times === 'number' ? { times: body.times } : {}),
    };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return [...this.rules];
  }

  clear(): void {
    this.rules = [];
  }

  private take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => (!r.method || r.method === method) && new RegExp(r.path).test(path));
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return rule;
  }

  /** Applies a matching rule: returns a replacement response, or undefined to carry on (after any latency). */
  async apply(method: string, pathWithQuery: string): Promise<Response | undefined> {
    const rule = this.take(method, pathWithQuery);
    if (!rule) return undefined;
    switch (rule.kind) {
      case 'latency':
        await sleep(rule.latencyMs ?? 1000);
        return undefined;
      case 'status':
        return statusResponse(rule);
      case 'json500':
        return jsonResponse(500, { status_code: 500, detail: 'Injected fault: internal server error.' });
      case 'html500':
        return html(500);
      case 'html200':
        return html(200);
      case 'malformed':
        return new Response('{"count": 1, "next": null, "results": [{"id": ', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      case 'drop':
        throw new ConnectionDropped();
    }
  }
}
