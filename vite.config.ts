import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies each configured Alyx instance on the same origin, with the same table
// as the production app server (server/), because Alyx sends no CORS headers.
export default defineConfig(async () => {
  const { alyxProxyPlugin } = await import('./server/vite-plugin.ts');
  return {
    plugins: [react(), alyxProxyPlugin()],
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
