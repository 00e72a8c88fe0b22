import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { getMimeType } from 'hono/utils/mime';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json|wasm)|image\/svg\+xml)/;
/** Requests for these are files, never app routes: a missing one is a 404, not the SPA shell. */
const FILE_EXTENSION =
  /\.(m?js|css|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|wasm|txt|webmanifest|json)$/i;

type Encoding = 'br' | 'gzip';

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  /** Set when the body is not the file's own bytes (the app shell with the instance table). */
  etag?: string;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

/** A per-request version of the app shell (the server-drawn endpoint tree): `key` names its content. */
export interface ShellVariant {
  key: string;
  transform: (html: string) => string;
}

/** Distinct shell variants kept per index.html (one per instance and schema rendering in practice). */
const MAX_VARIANTS = 32;

export interface StaticHandler {
  (req: Request): Promise<Response>;
  /** Reads and compresses every file under `assets/` ahead of the first request. */
  warm(): Promise<void>;
}

/**
 * Static files of the production build, with long caching for hashed `/assets/*`, br/gzip compression
 * (computed once per file, kept in memory: the build is a few MB), and the SPA shell for any other page.
 */
export function createStaticHandler(
  root: string,
  /** Applied to index.html once per version of the file (the server puts the instance table in it). */
  transformIndex: (html: string) => string = (html) => html,
  /** The shell for one request's URL (path and query), or null for the plain one. */
  variantFor: (url: string) => ShellVariant | null = () => null,
): StaticHandler {
  const absoluteRoot = path.resolve(root);
  const cache = new Map<string, CachedFile>();
  const shells = new WeakMap<CachedFile, Map<string, CachedFile>>();

  /** The app shell as served: transformed, with an ETag of its own bytes (a new instance table is a new shell). */
  function shellOf(file: CachedFile, req: Request): CachedFile {
    const { pathname, search } = new URL(req.url);
    const variant = variantFor(`${pathname}${search}`);
    const key = variant?.key ?? '';
    let variants = shells.get(file);
    if (!variants) {
      variants = new Map();
      shells.set(file, variants);
    }
    let shell = variants.get(key);
    if (!shell) {
      const html = transformIndex(file.body.toString('utf8'));
      const body = Buffer.from(variant ? variant.transform(html) : html);
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
      shell = { mtimeMs: file.mtimeMs, size: body.byteLength, body, etag: `W/"${hash}"`, encoded: {} };
      if (variants.size >= MAX_VARIANTS) variants.clear();
      variants.set(key, shell);
    }
    return shell;
  }

  async function load(file: string): Promise<CachedFile | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const fresh: CachedFile = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body: await readFile(file),
      encoded: {},
    };
    cache.set(file, fresh);
    return fresh;
  }

  function encodedBody(file: CachedFile, encoding: Encoding): Promise<Buffer> {
    const existing = file.encoded[encoding];
    if (existing) return existing;
    const work =
      encoding === 'br'
        ? brotli(file.body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: file.size,
            },
          })
        : gzip(file.body, { level: 9 });
    file.encoded[encoding] = work;
    return work;
  }

  async function respond(
    req: Request,
    file: CachedFile,
    filePath: string,
    cacheControl: string,
  ): Promise<Response> {
    const contentType = getMimeType(filePath) ?? 'application/octet-stream';
    const etag = file.etag ?? `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    const headers = new Headers({
      'content-type': contentType,
      'cache-control': cacheControl,
      etag,
      'x-content-type-options': 'nosniff',
    });
    const compressible = COMPRESSIBLE.test(contentType) && file.size >= COMPRESS_MIN_BYTES;
    if (compressible) headers.set('vary', 'Accept-Encoding');
    if (
      req.headers
        .get('if-none-match')
        ?.split(',')
        .some((tag) => tag.trim() === etag)
    ) {
      return new Response(null, { status: 304, headers });
    }
    const encoding = compressible ? pickEncoding(req.headers.get('accept-encoding')) : undefined;
    const body = encoding ? await encodedBody(file, encoding) : file.body;
    if (encoding) headers.set('content-encoding', encoding);
    headers.set('content-length', String(body.byteLength));
    return new Response(req.method === 'HEAD' ? null : new Uint8Array(body), { headers });
  }

  const handler = async (req: Request): Promise<Response> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const { pathname } = new URL(req.url);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response('Bad request path', { status: 400 });
    }
    const filePath = path.join(absoluteRoot, decoded);
    const relative = path.relative(absoluteRoot, filePath);
    const inside = !decoded.includes('\0') && !relative.startsWith('..') && !path.isAbsolute(relative);
    if (inside && relative !== '' && !decoded.endsWith('/')) {
      const file = await load(filePath);
      if (file && relative === 'index.html')
        return respond(req, shellOf(file, req), filePath, REVALIDATE_CACHE);
      if (file) {
        return respond(
          req,
          file,
          filePath,
          relative.startsWith(`assets${path.sep}`) ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
        );
      }
    }
    if (pathname.startsWith('/assets/') || FILE_EXTENSION.test(pathname) || !acceptsHtml(req)) {
      return new Response('Not found', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    const indexPath = path.join(absoluteRoot, 'index.html');
    const index = await load(indexPath);
    if (!index) return new Response('The build has no index.html: run npm run build', { status: 500 });
    return respond(req, shellOf(index, req), indexPath, REVALIDATE_CACHE);
  };

  async function warm(): Promise<void> {
    const assets = path.join(absoluteRoot, 'assets');
    const names = await readdir(assets, { recursive: true }).catch(() => []);
    for (const name of names) {
      const filePath = path.join(assets, name);
      const file = await load(filePath);
      const type = getMimeType(filePath) ?? '';
      if (file && COMPRESSIBLE.test(type) && file.size >= COMPRESS_MIN_BYTES) {
        await Promise.all([encodedBody(file, 'br'), encodedBody(file, 'gzip')]);
      }
    }
  }

  return Object.assign(handler, { warm });
}

/** The preferred encoding the client accepts (br over gzip), honouring `q=0`. */
export function pickEncoding(acceptEncoding: string | null): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(token.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const wildcard = accepted.get('*') ?? 0;
  for (const encoding of ['br', 'gzip'] as const) {
    if ((accepted.get(encoding) ?? wildcard) > 0) return encoding;
  }
  return undefined;
}

function acceptsHtml(req: Request): boolean {
  const accept = req.headers.get('accept');
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
