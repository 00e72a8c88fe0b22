export type BodyResult =
  | { ok: true; body: Uint8Array | undefined }
  | { ok: false; reason: 'too-large' | 'timeout' | 'aborted'; received: number };

/**
 * Reads a request body into memory, counting bytes as they arrive: a chunked upload larger than
 * `maxBytes` is cut at the cap (never buffered whole), and one still arriving after `timeoutMs` is given up.
 * Buffering is wanted: the upstream then sees a Content-Length (Apache/mod_wsgi refuses chunked bodies).
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyResult> {
  if (body === null) return { ok: true, body: undefined };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'timeout') return { ok: false, reason: 'timeout', received };
      if (next.done) break;
      received += next.value.byteLength;
      if (received > maxBytes) {
        drainBriefly(reader);
        return { ok: false, reason: 'too-large', received };
      }
      chunks.push(next.value);
    }
  } catch {
    return { ok: false, reason: 'aborted', received };
  } finally {
    clearTimeout(timer);
    if (!draining.has(reader)) {
      // Not cancelled: cancelling destroys the socket before the 413/408 can be written. The transport drains and closes it.
      try {
        reader.releaseLock();
      } catch {
        // Older stream implementations refuse to release while a read is pending; the lock then dies with the request.
      }
    }
  }
  if (received === 0) return { ok: true, body: undefined };
  const whole = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body: whole };
}

const draining = new WeakSet<ReadableStreamDefaultReader<Uint8Array>>();

/**
 * After the cap, keep reading (and dropping) a little longer before giving up on the body. A socket
 * closed with unread data answers the client with a TCP reset, which can destroy the 413 on its way:
 * draining for up to a second or 4 MB lets the client read the answer, and still cuts the upload.
 */
function drainBriefly(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  draining.add(reader);
  const until = Date.now() + 1000;
  let dropped = 0;
  void (async () => {
    try {
      while (Date.now() < until && dropped < 4 * 1024 * 1024) {
        const next = await Promise.race([
          reader.read(),
          new Promise<'quiet'>((resolve) => setTimeout(() => resolve('quiet'), until - Date.now())),
        ]);
        if (next === 'quiet') break;
        if (next.done) return;
        dropped += next.value.byteLength;
      }
      await reader.cancel();
    } catch {
      // the client went away: nothing left to drain
    }
  })();
}
