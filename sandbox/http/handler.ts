import { Hono } from 'hono';
import { authToken } from './auth-token.ts';
import { docs, openApi, rootList } from './discovery.ts';
import {
  ApiError,
  apiErrorResponse,
  html404,
  jsonResponse,
  RouteNotFound,
  ServerError,
  serverErrorResponse,
} from './errors.ts';
import { ConnectionDropped } from './faults.ts';
import { checkHost } from './hosts.ts';
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

function toResponse(error: unknown): Response {
  if (error instanceof ConnectionDropped) throw error;
  if (error instanceof RouteNotFound) return html404();
  if (error instanceof ApiError) return apiErrorResponse(error);
  if (error instanceof ServerError) return serverErrorResponse(error.message);
  // Anything else inside a view is a 500 with str(exc), like Alyx's exception handler.
  return serverErrorResponse(error instanceof Error ? error.message : String(error));
}

/** The sandbox's HTTP surface as a web-standard fetch handler (Hono app). */
export function createHttpApp(runtime: Runtime): Hono {
  const app = new Hono();
  app.all('*', async (c) => {
    const request = c.req.raw;
    const refused = checkHost(runtime.hosts, request);
    if (refused) return refused;
    const url = new URL(request.url);
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
