import path from 'node:path';
import { build, defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The route modules of the first screen of a signed-in instance (`/:instance`, src/app/routes.ts). */
const FIRST_SCREEN_ROUTES = ['src/app/routes/instance-route.tsx', 'src/app/routes/overview-route.tsx'];

/**
 * Preloads the first screen's route chunks (and their imports and CSS) from the HTML, so the browser
 * fetches them beside the entry instead of after it has run and the router asked for them (ADR 0022).
 */
function preloadFirstScreen(base: string): Plugin {
  return {
    name: 'explorer-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const files = new Set<string>();
        const css = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((item) => item.fileName === fileName);
          if (!chunk || files.has(fileName)) return;
          files.add(fileName);
          for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
          chunk.imports.forEach(visit);
        };
        for (const route of FIRST_SCREEN_ROUTES) {
          const chunk = chunks.find((item) => item.facadeModuleId?.endsWith(route));
          if (!chunk) throw new Error(`no chunk for ${route}: update FIRST_SCREEN_ROUTES`);
          visit(chunk.fileName);
        }
        const tags: HtmlTagDescriptor[] = [
          ...[...files]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
              injectTo: 'head' as const,
            })),
          ...[...css]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `${base}${file}` },
              injectTo: 'head' as const,
            })),
        ];
        // The stylesheet before the entry script and the preloads: it holds up the first paint (the
        // server-drawn endpoint tree, ADR 0038), so it should not queue behind them for a connection.
        const stylesheets = html.match(/<link rel="stylesheet"[^>]*>\s*/g) ?? [];
        const reordered = stylesheets.reduce((page, link) => page.replace(link, ''), html);
        const at = reordered.indexOf('<script type="module"');
        const ordered =
          at < 0 ? html : `${reordered.slice(0, at)}${stylesheets.join('')}${reordered.slice(at)}`;
        return { html: ordered, tags };
      },
    },
  };
}

/**
 * After the browser build, the same sources as a Node bundle for the app server's first paint
 * (ADR 0038). Same root and base, so CSS-module class names and links match the browser build's.
 */
function prerenderBundle(base: string, prerenderOutDir: (outDir: string) => string): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'explorer-prerender-bundle',
    apply: (config, env) => env.command === 'build' && !config.build?.ssr,
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        base,
        logLevel: 'warn',
        plugins: [react()],
        build: {
          ssr: 'src/app/prerender/render-navigation.tsx',
          outDir: prerenderOutDir(outDir),
          emptyOutDir: true,
          target: 'node20',
          copyPublicDir: false,
        },
      });
    },
  };
}

// The dev server proxies each configured Alyx instance on the same origin, with the same table
// as the production app server (server/), because Alyx sends no CORS headers.
export default defineConfig(async () => {
  const { alyxProxyPlugin } = await import('./server/vite-plugin.ts');
  const { explorerBase } = await import('./server/explorer-base.ts');
  const { prerenderOutDir } = await import('./server/prerender.ts');
  // `EXPLORER_BASE=/explorer/ npm run build` serves the build under a sub-path (docs/deploy.md).
  const base = explorerBase(process.env.EXPLORER_BASE);
  return {
    base,
    plugins: [react(), alyxProxyPlugin(), preloadFirstScreen(base), prerenderBundle(base, prerenderOutDir)],
    server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
    preview: { host: '127.0.0.1' },
    build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 600 },
    test: {
      include: [
        'src/**/*.test.{ts,tsx}',
        'sandbox/**/*.test.ts',
        'server/**/*.test.ts',
        'scripts/**/*.test.ts',
      ],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 120_000,
      pool: 'forks',
    },
  };
});
