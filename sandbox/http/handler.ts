import { Hono } from 'hono';
import { authToken } from './auth-token.ts';
import { docs, openApi, rootList } from './discovery.ts';
import {
  ApiError,
  apiErrorResponse,
  detailError,
  html404,
  jsonResponse,
  RouteNotFound,
  ServerError,
  serverErrorResponse,
} from './errors.ts';
import { ConnectionDropped } from './faults.ts';
import { readBodyWithin } from './body-limit.ts';
import { stripUntrustedForwarding } from './hosts.ts';
import { handleResource } from './resource-routes.ts';
import type { Runtime } from './runtime.ts';
import { clientIp } from './throttle.ts';

const FAULTS_PATH = '/__sandbox/faults';

async function faultsControl(runtime: Runtime, request: Request): Promise<Response> {
  const faults = runtime.faults;
  if (!faults) return html404();
  if (request.method === 'GET') return jsonResponse(200, { rules: faults.list() });
  if (request.method === 'DELETE') {
    faults.clear();
    return new Response(null, { status: 204 });
  }
  if (request.method === 'POST') {
    let body: unknown;
    try {
      body = await request.json();
    } catch (error) {
      throw new ApiError(400, { detail: `JSON parse error - ${(error as Error).message}` });
    }
    return jsonResponse(201, faults.add(body));
  }
  throw new ApiError(405, { detail: `Method "${request.method}" not allowed.` });
}

function anonymousThrottle(runtime: Runtime, request: Request): void {
  const error = runtime.throttle?.check(`ip:${clientIp(request)}`);
  if (error) throw error;
}

async function route(runtime: Runtime, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path === '/') return rootList(runtime, request);
  if (path === '/auth-token') return authToken(runtime, request);
  if (path === '/api/schema') {
    anonymousThrottle(runtime, request);
    return openApi(runtime, request);
  }
  if (path === '/docs')
    return runtime.discovery.has('coreapi')
      ? new Response(null, { status: 301, headers: { location: '/docs/' } })
      : html404();
  if (path === '/docs/') {
    anonymousThrottle(runtime, request);
    return docs(runtime, request);
  }
  if (path === FAULTS_PATH) return faultsControl(runtime, request);
  const segments = path.slice(1).split('/');
  if (segments.length === 1 && segments[0]) return handleResource(runtime, request, segments[0]);
  if (segments.length === 2 && segments[0] && segments[1])
    return handleResource(runtime, request, segments[0], segments[1]);
  throw new RouteNotFound();
}

/** PGlite's DatabaseError: a PostgreSQL SQLSTATE and severity. */
function isDatabaseError(error: unknown): error is Error {
  return (
    error instanceof Error && 'severity' in error && typeof (error as { code?: unknown }).code === 'string'
  );
}

function toResponse(error: unknown): Response {
  if (error instanceof ConnectionDropped) throw error;
  if (error instanceof RouteNotFound) return html404();
  if (error instanceof ApiError) return apiErrorResponse(error);
  if (error instanceof ServerError) return serverErrorResponse(error.message);
  // Database text (SQL, column names, values) stays in the log, never in a response.
  if (isDatabaseError(error)) {
    console.error(`sandbox: database error: ${error.message.split('\n')[0] ?? ''}`);
    return serverErrorResponse('A server error occurred.');
  }
  // Anything else inside a view is a 500 with str(exc), like Alyx's exception handler.
  return serverErrorResponse(error instanceof Error ? error.message : String(error));
}

function hasNullCharacter(url: URL): boolean {
  if (/%00/.test(url.pathname)) return true;
  for (const [key, value] of url.searchParams)
    if (key.includes('\u0000') || value.includes('\u0000')) return true;
  return false;
}

/** The sandbox's HTTP surface as a web-standard fetch handler (Hono app). */
export function createHttpApp(runtime: Runtime): Hono {
  const app = new Hono();
  app.all('*', async (c) => {
    stripUntrustedForwarding(runtime.hosts, c.req.raw);
    const url = new URL(c.req.raw.url);
    if (hasNullCharacter(url)) return toResponse(detailError(400, 'Null characters are not allowed.'));
    let request: Request;
    try {
      request = await readBodyWithin(c.req.raw, runtime.bodyLimits);
    } catch (error) {
      if (error instanceof ApiError)
        console.warn(`sandbox: aborted upload ${c.req.method} ${url.pathname}: ${String(error.body.detail)}`);
      return toResponse(error);
    }
    try {
      if (runtime.faults && url.pathname !== FAULTS_PATH) {
        const injected = await runtime.faults.apply(
          request.method.toUpperCase(),
          `${url.pathname}${url.search}`,
        );
        if (injected) return injected;
      }
      return await route(runtime, request);
    } catch (error) {
      return toResponse(error);
    }
  });
  app.onError((error) => {
    if (error instanceof ConnectionDropped) throw error;
    return toResponse(error);
  });
  return app;
}
