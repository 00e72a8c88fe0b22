import type { HookContext, StoredRow, WriteContext } from '../resources/types.ts';
import { WriteRefused } from '../resources/write-refused.ts';
import type { Queryable } from '../db/database.ts';
import type { Model } from '../db/models.ts';
import { quoteIdent } from '../db/models.ts';
import type { AuthUser } from '../auth/tokens.ts';
import { authenticateHeader } from '../auth/tokens.ts';
import { expectObject, parseBody } from './body.ts';
import { ApiError, detailError, jsonResponse, RouteNotFound, ServerError } from './errors.ts';
import { andFragments, FilterCompiler, numberPlaceholders } from './filters.ts';
import { buildOptionsMetadata } from '../schema/options.ts';
import { pageCount } from './list-count.ts';
import { pageBounds, pageLinks } from './pagination.ts';
import { Renderer, serializerFor } from './render.ts';
import type { Runtime } from './runtime.ts';
import { baseUrlOf } from './urls.ts';
import { columnDefaults, deleteRow, insertRow, updateRow, validateWrite } from './write.ts';

const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Call {
  runtime: Runtime;
  request: Request;
  model: Model;
  user: AuthUser;
  baseUrl: string;
  /** Absolute URL of this request as the client sees it. */
  requestUrl: string;
}

export function className(model: Model): string {
  return model.resource.verboseName
    .replace(/(^|\s)(\w)/g, (_, __, c: string) => c.toUpperCase())
    .replace(/\s/g, '');
}

/** DRF's permission chain: IsAuthenticated, then Alyx's public-user GET-only rule, then throttles. */
async function authorize(runtime: Runtime, request: Request): Promise<AuthUser> {
  const auth = await authenticateHeader(runtime.db, request.headers.get('authorization'));
  if (!auth.ok) throw detailError(403, auth.detail ?? 'Authentication credentials were not provided.');
  if (auth.user.isPublic && request.method !== 'GET')
    throw detailError(403, 'You do not have permission to perform this action.');
  const throttled = runtime.throttle?.check(`user:${auth.user.id}`) ?? undefined;
  if (throttled) throw throttled;
  return auth.user;
}

function allowed(model: Model, route: 'list' | 'detail'): string[] {
  const methods: string[] =
    route === 'list' ? [...model.resource.listMethods] : [...model.resource.detailMethods];
  if (methods.includes('GET')) methods.push('HEAD');
  methods.push('OPTIONS');
  return methods;
}

/** Validates the path's lookup like Django's URL converters; a mismatch is a routing 404 (HTML). */
function lookupValue(model: Model, raw: string): string | number {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new RouteNotFound();
  }
  const field = model.resource.lookupField ?? 'id';
  const column = model.columns.get(field);
  if (column?.type === 'uuid' && !LOWER_UUID.test(value)) throw new RouteNotFound();
  if (column?.type === 'integer') {
    if (!/^\d+$/.test(value)) throw new RouteNotFound();
    return Number(value);
  }
  return value;
}

export async function handleResource(
  runtime: Runtime,
  request: Request,
  name: string,
  rawLookup?: string,
): Promise<Response> {
  const model = runtime.models.get(name);
  if (!model) throw new RouteNotFound();
  const route = rawLookup === undefined ? 'list' : 'detail';
  if (route === 'detail' && !model.resource.lookupField) throw new RouteNotFound();
  const lookup = rawLookup === undefined ? undefined : lookupValue(model, rawLookup);
  const user = await authorize(runtime, request);
  const methods = allowed(model, route);
  const method = request.method.toUpperCase();
  if (!methods.includes(method))
    throw detailError(405, `Method "${method}" not allowed.`, { allow: methods.join(', ') });
  const baseUrl = baseUrlOf(request, runtime.publicUrl);
  const url = new URL(request.url);
  const call: Call = {
    runtime,
    request,
    model,
    user,
    baseUrl,
    requestUrl: `${baseUrl}${url.pathname}${url.search}`,
  };
  if (method === 'OPTIONS')
    return jsonResponse(200, buildOptionsMetadata(model.resource, route), { allow: methods.join(', ') });
  const listLike = route === 'list' || model.resource.quirks?.detailIsList === true;
  if (method === 'GET' || method === 'HEAD') {
    const response = listLike ? await list(call) : await retrieve(call, lookup as string | number);
    return method === 'HEAD'
      ? new Response(null, { status: response.status, headers: response.headers })
      : response;
  }
  if (method === 'POST') return create(call);
  if (method === 'DELETE') return destroy(call, lookup as string | number);
  return update(call, lookup as string | number, method === 'PATCH');
}

async function list(call: Call): Promise<Response> {
  const { runtime, model } = call;
  const params = new URL(call.request.url).searchParams;
  const where = numberPlaceholders(andFragments(new FilterCompiler(runtime.models, model).compile(params)));
  const { limit, offset } = pageBounds(params);
  const table = `${quoteIdent(model.table)} t`;
  const order = model.resource.ordering ? `${model.resource.ordering}, t.id` : 't.id';
  const rows = await runtime.db.query<StoredRow>(
    `SELECT t.* FROM ${table} WHERE ${where.sql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    where.params,
  );
  const count = await pageCount(
    runtime.db,
    model.table,
    where,
    { limit, offset, rows: rows.length },
    () => `SELECT count(*)::int AS count FROM ${table} WHERE ${where.sql}`,
  );
  const results = await new Renderer(runtime.models, runtime.db, call.baseUrl).render(
    model.name,
    rows,
    'list',
  );
  return jsonResponse(200, { count, ...pageLinks(call.requestUrl, count, limit, offset), results });
}

async function findOne(db: Queryable, model: Model, lookup: string | number): Promise<StoredRow> {
  const field = model.resource.lookupField ?? 'id';
  const rows = await db.query<StoredRow>(
    `SELECT * FROM ${quoteIdent(model.table)} WHERE ${quoteIdent(field)} = $1 LIMIT 3`,
    [lookup],
  );
  if (rows.length === 0) throw detailError(404, `No ${className(model)} matches the given query.`);
  if (rows.length > 1) {
    const [{ count } = { count: rows.length }] = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${quoteIdent(model.table)} WHERE ${quoteIdent(field)} = $1`,
      [lookup],
    );
    throw new ServerError(`get() returned more than one ${className(model)} -- it returned ${count}!`);
  }
  return rows[0] as StoredRow;
}

async function retrieve(call: Call, lookup: string | number): Promise<Response> {
  const row = await findOne(call.runtime.db, call.model, lookup);
  const [body] = await new Renderer(call.runtime.models, call.runtime.db, call.baseUrl).render(
    call.model.name,
    [row],
    'detail',
  );
  return jsonResponse(200, body);
}

function writeContext(user: AuthUser): WriteContext {
  return { userId: user.id, username: user.username };
}

function hookContext(runtime: Runtime, tx: Queryable, user: AuthUser): HookContext {
  const ctx = writeContext(user);
  return {
    ...ctx,
    query: <T>(sql: string, params?: unknown[]) => tx.query<T>(sql, params ?? []),
    insert: (resource, values) => {
      const target = runtime.models.require(resource);
      return insertRow(runtime.models, target, tx, { ...columnDefaults(target, ctx), ...values });
    },
  };
}

/** Runs a resource hook; its refusal becomes the HTTP error it names. */
async function runHook<T>(hook: () => Promise<T>): Promise<T> {
  try {
    return await hook();
  } catch (error) {
    if (error instanceof WriteRefused) throw new ApiError(error.status, error.body);
    throw error;
  }
}

async function create(call: Call): Promise<Response> {
  const { runtime, model } = call;
  const { data, form } = await parseBody(call.request);
  const bulk = Array.isArray(data) && model.resource.quirks?.bulkCreate === true;
  const items = bulk ? (data as unknown[]) : [data];
  const serializer = serializerFor(model, 'create');
  const beforeCreate = model.resource.hooks?.beforeCreate;
  const rendered = await runtime.db.transaction(async (tx) => {
    const created: StoredRow[] = [];
    for (const item of items) {
      const validated = await validateWrite({
        models: runtime.models,
        model,
        db: tx,
        serializer,
        body: expectObject(item),
        partial: false,
        form,
        ctx: writeContext(call.user),
      });
      const values = beforeCreate
        ? await runHook(() => beforeCreate(validated, hookContext(runtime, tx, call.user)))
        : validated.values;
      created.push(await insertRow(runtime.models, model, tx, values));
    }
    return new Renderer(runtime.models, tx, call.baseUrl).render(model.name, created, 'create');
  });
  const body = bulk ? rendered : rendered[0];
  const location = !bulk && typeof rendered[0]?.url === 'string' ? { location: rendered[0].url } : undefined;
  return jsonResponse(201, body, location);
}

async function update(call: Call, lookup: string | number, partial: boolean): Promise<Response> {
  const { runtime, model } = call;
  const { data, form } = await parseBody(call.request);
  const body = await runtime.db.transaction(async (tx) => {
    const existing = await findOne(tx, model, lookup);
    const { values } = await validateWrite({
      models: runtime.models,
      model,
      db: tx,
      serializer: serializerFor(model, 'detail'),
      body: expectObject(data),
      partial,
      form,
      existing,
      ctx: writeContext(call.user),
    });
    const row = await updateRow(runtime.models, model, tx, existing.id, values);
    const [rendered] = await new Renderer(runtime.models, tx, call.baseUrl).render(
      model.name,
      [row],
      'detail',
    );
    return rendered;
  });
  return jsonResponse(200, body);
}

async function destroy(call: Call, lookup: string | number): Promise<Response> {
  const { runtime, model } = call;
  await runtime.db.transaction(async (tx) => {
    const existing = await findOne(tx, model, lookup);
    const beforeDelete = model.resource.hooks?.beforeDelete;
    if (beforeDelete) await runHook(() => beforeDelete(existing, hookContext(runtime, tx, call.user)));
    await deleteRow(runtime.models, model, tx, existing.id);
  });
  return new Response(null, { status: 204, headers: { vary: 'Accept' } });
}
