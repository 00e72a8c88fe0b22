import { detailError } from './errors.ts';

export interface BodyLimits {
  /** Bytes; a longer body is cut off with 413. */
  maxBytes: number;
  /** Milliseconds for the whole body to arrive; a slower one is cut off with 408. */
  timeoutMs: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 30_000 };

const CLOSE = { connection: 'close' };

function tooLarge(limits: BodyLimits) {
  return detailError(413, `Request body exceeds ${limits.maxBytes} bytes.`, CLOSE);
}

/**
 * The request with its body read into memory under the limits: bytes are counted as they arrive
 * (a lying or missing Content-Length changes nothing) and the upload is abandoned at the cap or
 * the deadline, so one client cannot fill memory or hold a request open forever.
 */
export async function readBodyWithin(request: Request, limits: BodyLimits): Promise<Request> {
  if (!request.body || request.method === 'GET' || request.method === 'HEAD') return request;
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await request.body.cancel().catch(() => undefined);
    throw tooLarge(limits);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(detailError(408, 'Request body not received in time.', CLOSE)),
      limits.timeoutMs,
    );
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) throw tooLarge(limits);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}
