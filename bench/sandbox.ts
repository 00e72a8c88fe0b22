/**
 * Sandbox benchmark (`npm run bench:sandbox -- [--scale 1,50] [--requests 200] [--concurrency 4]
 * [--engine pglite,postgres] [--json PATH]`).
 * Starts a fresh sandbox per engine and scale (PGlite in a new temporary data directory, as
 * `npm run sandbox` keeps it in .sandbox-data/, seeded without the snapshot cache; PostgreSQL from
 * SANDBOX_BENCH_DATABASE_URL, or a throwaway Debian cluster when root), serves it on a random
 * loopback port over real HTTP, and measures cold start and the latency of the requests the
 * explorer makes most. Prints a Markdown report, writes it to bench/results/sandbox.md and,
 * with --json, the same numbers as JSON.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandbox, type Sandbox } from '../sandbox/app.ts';
import { clusterUnavailable, startCluster } from '../scripts/postgres-cluster.mjs';

type Engine = 'pglite' | 'postgres';

interface Options {
  scales: number[];
  requests: number;
  concurrency: number;
  /** Engines to run; postgres only when a server is available (else noted and skipped). */
  engines: Engine[];
  json?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    scales: [1, 50],
    requests: 200,
    concurrency: 4,
    engines: ['pglite', 'postgres'],
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = inline ?? argv[++i] ?? '';
    const int = (text: string): number => {
      if (!/^\d+$/.test(text) || Number(text) < 1)
        throw new Error(`${flag} needs a positive integer, got "${text}"`);
      return Number(text);
    };
    if (flag === '--scale') options.scales = value.split(',').map(int);
    else if (flag === '--requests') options.requests = int(value);
    else if (flag === '--concurrency') options.concurrency = int(value);
    else if (flag === '--json') options.json = value;
    else if (flag === '--engine') {
      options.engines = value.split(',').map((e) => {
        if (e !== 'pglite' && e !== 'postgres') throw new Error(`--engine is pglite or postgres, got "${e}"`);
        return e;
      });
    } else
      throw new Error(
        `unknown option ${String(flag)} (use --scale N[,M], --requests N, --concurrency N, --engine pglite[,postgres], --json PATH)`,
      );
  }
  return options;
}

interface Listening {
  base: string;
  close(): Promise<void>;
}

function listen(sandbox: Sandbox): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: (request) => sandbox.fetch(request), port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        // Slow requests at large scales leave pooled client sockets idle; Node's 5 s default then races with reuse.
        (server as Server).keepAliveTimeout = 65_000;
        resolve({
          base: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              (server as Server).closeAllConnections();
              server.close(() => done());
            }),
        });
      },
    );
  });
}

interface Result {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  perSecond: number;
  /** Process CPU time (user + system) per request: client and sandbox share this process, so it is comparable across scales on a busy machine. */
  cpuMs: number;
  errors: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Runs `total` requests, `concurrency` at a time; a request counts until its body is read. */
async function measure(
  name: string,
  total: number,
  concurrency: number,
  send: (i: number) => Promise<Response>,
): Promise<Result> {
  const durations: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      try {
        const response = await send(i);
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
      } catch (error) {
        errors++;
        if (errors === 1) console.error(`bench: ${name}: ${String(error)}`);
      }
      durations.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  durations.sort((a, b) => a - b);
  return {
    name,
    requests: total,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    perSecond: total / elapsed,
    cpuMs: (cpu.user + cpu.system) / 1000 / total,
    errors,
  };
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface ScaleReport {
  engine: Engine;
  scale: number;
  createMs: number;
  firstOkMs: number;
  sinceProcessStartMs: number;
  counts: Record<string, number>;
  rssMb: number;
  results: Result[];
}

async function benchScale(
  engine: Engine,
  postgresUrl: string | null,
  scale: number,
  options: Options,
): Promise<ScaleReport> {
  const t0 = performance.now();
  // A fresh schema or data directory per run, dropped after: every run seeds, as a first start does.
  const dataDir =
    engine === 'pglite' ? await mkdtemp(path.join(os.tmpdir(), `sandbox-bench-${scale}-`)) : null;
  const storage =
    engine === 'postgres' && postgresUrl
      ? {
          postgres: {
            url: postgresUrl,
            schema: `sandbox_bench_${scale}_${process.pid}`,
            dropSchemaOnClose: true,
          },
        }
      : {};
  const sandbox = await createSandbox({ dataDir, seed: { scale }, ...storage });
  const createMs = performance.now() - t0;
  const server = await listen(sandbox);
  try {
    const login = await json<{ token: string }>(
      await fetch(`${server.base}/auth-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'admin' }),
      }),
    );
    const headers = { authorization: `Token ${login.token}` };
    const first = await fetch(`${server.base}/sessions?limit=1`, { headers });
    await first.arrayBuffer();
    if (first.status !== 200) throw new Error(`first request: HTTP ${first.status}`);
    const firstOkMs = performance.now() - t0;
    const sinceProcessStartMs = process.uptime() * 1000;

    const counts: Record<string, number> = {};
    for (const table of ['subjects', 'sessions', 'datasets', 'files']) {
      const [row] = await sandbox.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = row?.n ?? 0;
    }
    // Sessions that have datasets, spread over the table, as targets for detail and filter requests.
    const targets = await sandbox.query<{ id: string; nickname: string }>(
      `SELECT s.id::text AS id, sub.nickname FROM sessions s JOIN subjects sub ON sub.id = s.subject
       WHERE EXISTS (SELECT 1 FROM datasets d WHERE d.session = s.id) ORDER BY s.id LIMIT 200`,
    );
    if (targets.length === 0) throw new Error('no sessions with datasets to benchmark');
    const target = (i: number): { id: string; nickname: string } =>
      targets[i % targets.length] as { id: string; nickname: string };
    const url = (p: string): string => `${server.base}${p}`;
    const n = options.requests;
    const c = options.concurrency;

    const results: Result[] = [];
    results.push(
      await measure('GET /sessions?limit=250', n, c, (i) =>
        fetch(url(`/sessions?limit=250&offset=${(i % 4) * 250}`), { headers }),
      ),
    );
    results.push(
      await measure('GET /sessions/{id}', n, c, (i) => fetch(url(`/sessions/${target(i).id}`), { headers })),
    );
    results.push(
      await measure('GET /datasets?session={uuid}', n, c, (i) =>
        fetch(url(`/datasets?session=${target(i).id}`), { headers }),
      ),
    );
    results.push(
      await measure('GET /datasets?subject=…&dataset_type=trials.table', n, c, (i) =>
        fetch(url(`/datasets?subject=${encodeURIComponent(target(i).nickname)}&dataset_type=trials.table`), {
          headers,
        }),
      ),
    );
    results.push(
      await measure('PATCH /sessions/{id} narrative', n, c, (i) =>
        fetch(url(`/sessions/${target(i).id}`), {
          method: 'PATCH',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ narrative: `bench edit ${i}` }),
        }),
      ),
    );
    return {
      engine,
      scale,
      createMs,
      firstOkMs,
      sinceProcessStartMs,
      counts,
      rssMb: process.memoryUsage().rss / 1e6,
      results,
    };
  } finally {
    await server.close();
    await sandbox.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

function ratioToScale1(
  reports: readonly ScaleReport[],
  report: ScaleReport,
  result: Result,
  measure: 'p50' | 'cpuMs',
): string {
  const base = reports
    .find((r) => r.engine === report.engine && r.scale === 1)
    ?.results.find((x) => x.name === result.name);
  return base && report.scale !== 1 ? `${(result[measure] / base[measure]).toFixed(2)}×` : '';
}

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const thousands = (v: number): string => v.toLocaleString('en-US');

function markdown(reports: readonly ScaleReport[], options: Options, notes: readonly string[]): string {
  const lines = [
    '# Sandbox benchmark',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}) · load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end.`,
    `Engines: PGlite on disk (a new temporary data directory per run, like the default .sandbox-data/)${reports.some((r) => r.engine === 'postgres') ? ' and a local PostgreSQL server (node-postgres, loopback)' : ''}; real HTTP on a random loopback port, ${options.requests} requests per row, concurrency ${options.concurrency}; latency counts until the body is read.`,
    ...notes.map((n) => `${n}`),
    '',
    '## Cold start',
    '',
    '| engine | scale | subjects | sessions | datasets | files | createSandbox (seed included) | → first 200 | process start → first 200 | RSS after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...reports.map(
      (r) =>
        `| ${r.engine} | ${r.scale} | ${thousands(r.counts.subjects ?? 0)} | ${thousands(r.counts.sessions ?? 0)} | ${thousands(r.counts.datasets ?? 0)} | ${thousands(r.counts.files ?? 0)} | ${(r.createMs / 1000).toFixed(1)} s | ${(r.firstOkMs / 1000).toFixed(1)} s | ${(r.sinceProcessStartMs / 1000).toFixed(1)} s | ${r.rssMb.toFixed(0)} MB |`,
    ),
    '',
    '## Requests',
    '',
    '| engine | scale | request | n | p50 ms | p95 ms | req/s | failed | p50 vs scale 1 | CPU ms/req | CPU vs scale 1 |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...reports.flatMap((r) =>
      r.results.map(
        (x) =>
          `| ${r.engine} | ${r.scale} | \`${x.name}\` | ${x.requests} | ${ms(x.p50)} | ${ms(x.p95)} | ${x.perSecond.toFixed(0)} | ${x.errors} | ${ratioToScale1(reports, r, x, 'p50')} | ${ms(x.cpuMs)} | ${ratioToScale1(reports, r, x, 'cpuMs')} |`,
      ),
    ),
    '',
    '"process start → first 200" is measured from the start of this Node process, so for a later scale it includes the earlier runs.',
    '"CPU ms/req" is this process\'s CPU time (client and sandbox together) over the row, per request: on a shared machine it moves far less with the load than the latencies do.',
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // Cold starts are what this measures: a cached seed would load instead of seeding.
  process.env.SANDBOX_SNAPSHOT = '0';
  const reports: ScaleReport[] = [];
  const notes: string[] = [];
  let postgresUrl = process.env.SANDBOX_BENCH_DATABASE_URL?.trim() || null;
  let cluster: { stop(): void } | null = null;
  if (options.engines.includes('postgres') && !postgresUrl) {
    const why = clusterUnavailable();
    if (why) notes.push(`PostgreSQL not measured (${why}; set SANDBOX_BENCH_DATABASE_URL=postgres://…).`);
    else {
      const started = await startCluster();
      cluster = started;
      postgresUrl = started.url;
      notes.push('PostgreSQL: a throwaway local Debian cluster (fsync off), same machine.');
    }
  }
  try {
    for (const engine of options.engines) {
      if (engine === 'postgres' && !postgresUrl) continue;
      for (const scale of options.scales) {
        console.error(`bench: ${engine} scale ${scale}…`);
        reports.push(await benchScale(engine, postgresUrl, scale, options));
      }
    }
  } finally {
    cluster?.stop();
  }
  const report = markdown(reports, options, notes);
  console.log(report);
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results/sandbox.md');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, report);
  console.error(`bench: written to ${path.relative(process.cwd(), out)}`);
  if (options.json) {
    const json = { run: new Date().toISOString(), load: os.loadavg(), options, notes, reports };
    await writeFile(options.json, JSON.stringify(json, null, 2) + '\n');
    console.error(`bench: JSON written to ${options.json}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
