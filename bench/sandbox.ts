/**
 * Sandbox benchmark (`npm run bench:sandbox -- [--scale 1,50] [--requests 200] [--concurrency 4]
 * [--engine pglite,postgres] [--json PATH]`).
 * Starts a fresh sandbox per engine and scale (PGlite in a new temporary data directory, as
 * `npm run sandbox` keeps it in .sandbox-data/, seeded without the snapshot cache; PostgreSQL from
 * SANDBOX_BENCH_DATABASE_URL, or a throwaway Debian cluster when root), serves it on a random
 * loopback port over real HTTP, and measures cold start and the latency of the requests the
 * explorer makes most, each engine's scales paired in alternating batches. Prints a Markdown
 * report, writes it to bench/results/sandbox.md and, with --json, the same numbers as JSON.
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

/** What one batch of a row measured; a row is the sum of its batches. */
interface Batch {
  durations: number[];
  errors: number;
  elapsedMs: number;
  cpuMicros: number;
}

/** Runs requests `from`…`from + count - 1`, `concurrency` at a time; a request counts until its body is read. */
async function runBatch(
  name: string,
  from: number,
  count: number,
  concurrency: number,
  send: (i: number) => Promise<Response>,
): Promise<Batch> {
  const durations: number[] = [];
  let errors = 0;
  let next = from;
  const end = from + count;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const worker = async (): Promise<void> => {
    while (next < end) {
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
  const cpu = process.cpuUsage(cpuBefore);
  return { durations, errors, elapsedMs: performance.now() - started, cpuMicros: cpu.user + cpu.system };
}

function summarise(name: string, batches: readonly Batch[]): Result {
  const durations = batches.flatMap((b) => b.durations).sort((a, b) => a - b);
  const elapsedMs = batches.reduce((sum, b) => sum + b.elapsedMs, 0);
  const cpuMicros = batches.reduce((sum, b) => sum + b.cpuMicros, 0);
  return {
    name,
    requests: durations.length,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    perSecond: durations.length / (elapsedMs / 1000),
    cpuMs: cpuMicros / 1000 / durations.length,
    errors: batches.reduce((sum, b) => sum + b.errors, 0),
  };
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** What a cold start of one engine and scale measured. */
interface ColdStart {
  engine: Engine;
  scale: number;
  createMs: number;
  firstOkMs: number;
  sinceProcessStartMs: number;
  counts: Record<string, number>;
  /** This process's RSS once this scale was seeded (earlier scales of the engine still up). */
  rssMb: number;
}

interface ScaleReport extends ColdStart {
  results: Result[];
}

interface Row {
  name: string;
  send(i: number): Promise<Response>;
}

/** A seeded sandbox listening on loopback, with the requests to measure against it. */
interface Started extends ColdStart {
  rows: Row[];
  query: Sandbox['query'];
  close(): Promise<void>;
}

async function startScale(engine: Engine, postgresUrl: string | null, scale: number): Promise<Started> {
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
  const close = async (): Promise<void> => {
    await server.close();
    await sandbox.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
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
    const rows: Row[] = [
      {
        name: 'GET /sessions?limit=250',
        send: (i) => fetch(url(`/sessions?limit=250&offset=${(i % 4) * 250}`), { headers }),
      },
      { name: 'GET /sessions/{id}', send: (i) => fetch(url(`/sessions/${target(i).id}`), { headers }) },
      {
        name: 'GET /datasets?session={uuid}',
        send: (i) => fetch(url(`/datasets?session=${target(i).id}`), { headers }),
      },
      {
        name: 'GET /datasets?subject=…&dataset_type=trials.table',
        send: (i) =>
          fetch(
            url(`/datasets?subject=${encodeURIComponent(target(i).nickname)}&dataset_type=trials.table`),
            {
              headers,
            },
          ),
      },
      {
        name: 'PATCH /sessions/{id} narrative',
        send: (i) =>
          fetch(url(`/sessions/${target(i).id}`), {
            method: 'PATCH',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ narrative: `bench edit ${i}` }),
          }),
      },
    ];
    return {
      engine,
      scale,
      createMs,
      firstOkMs,
      sinceProcessStartMs,
      counts,
      rssMb: process.memoryUsage().rss / 1e6,
      rows,
      query: sandbox.query.bind(sandbox),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Batches per row and scale: up to 10, each at least two requests per client so a batch runs at its concurrency. */
function batchesPerRow(options: Options): number {
  return Math.max(1, Math.min(10, Math.floor(options.requests / (2 * options.concurrency))));
}

/**
 * Measures every row on every scale of one engine, paired: all scales stay up, and each row runs
 * in `rounds` batches that alternate between them (ABBA order), so a drift of the shared machine
 * or a JIT still warming up lands on every scale alike instead of on whichever ran first.
 */
async function measurePaired(started: readonly Started[], options: Options): Promise<Map<Started, Result[]>> {
  const results = new Map<Started, Result[]>(started.map((s) => [s, []]));
  const rounds = batchesPerRow(options);
  const names = started[0]?.rows.map((r) => r.name) ?? [];
  for (const [index, name] of names.entries()) {
    const batches = new Map<Started, Batch[]>(started.map((s) => [s, []]));
    let from = 0;
    for (let round = 0; round < rounds; round++) {
      const count = Math.floor(((round + 1) * options.requests) / rounds) - from;
      const order = round % 2 === 0 ? started : [...started].reverse();
      for (const s of order) {
        const row = s.rows[index] as Row;
        batches
          .get(s)
          ?.push(
            await runBatch(`${s.engine} ${s.scale} ${name}`, from, count, options.concurrency, row.send),
          );
      }
      from += count;
    }
    for (const s of started) results.get(s)?.push(summarise(name, batches.get(s) ?? []));
  }
  return results;
}

type BgWriter = Record<'checkpoints' | 'checkpointBuffers' | 'cleanerBuffers' | 'backendBuffers', number>;

/** The PostgreSQL server's write counters (pg_stat_bgwriter, PostgreSQL ≤ 16), to tell background flushes from query cost. */
async function bgWriter(s: Started): Promise<BgWriter | null> {
  try {
    const [row] = await s.query<Record<string, string>>(
      `SELECT checkpoints_timed + checkpoints_req AS checkpoints, buffers_checkpoint, buffers_clean, buffers_backend
       FROM pg_stat_bgwriter`,
    );
    return row
      ? {
          checkpoints: Number(row.checkpoints),
          checkpointBuffers: Number(row.buffers_checkpoint),
          cleanerBuffers: Number(row.buffers_clean),
          backendBuffers: Number(row.buffers_backend),
        }
      : null;
  } catch {
    return null;
  }
}

function bgWriterNote(before: BgWriter | null, after: BgWriter | null): string | null {
  if (!before || !after) return null;
  const d = (k: keyof BgWriter): number => after[k] - before[k];
  return `PostgreSQL while the request rows ran (pg_stat_bgwriter): ${d('checkpoints')} checkpoint(s); buffers written by checkpoints ${thousands(d('checkpointBuffers'))}, by the background writer ${thousands(d('cleanerBuffers'))}, by backends ${thousands(d('backendBuffers'))}.`;
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
    `Engines: PGlite on disk (a new temporary data directory per run, like the default .sandbox-data/)${reports.some((r) => r.engine === 'postgres') ? ' and a local PostgreSQL server (node-postgres, loopback)' : ''}; real HTTP on a random loopback port, ${options.requests} requests per row and scale, concurrency ${options.concurrency}; latency counts until the body is read. An engine's scales are all up while its rows run, and each row alternates between them in ${batchesPerRow(options)} batches (ABBA order), so the ratio to scale 1 compares the same minutes of the machine.`,
    ...notes.map((n) => `${n}`),
    '',
    '## Cold start',
    '',
    '| engine | scale | subjects | sessions | datasets | files | createSandbox (seed included) | → first 200 | process start → first 200 | RSS after seeding |',
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
      const started: Started[] = [];
      try {
        for (const scale of options.scales) {
          console.error(`bench: ${engine} scale ${scale}: seeding…`);
          started.push(await startScale(engine, postgresUrl, scale));
        }
        console.error(
          `bench: ${engine}: requests, scales ${options.scales.join(' and ')} in alternating batches…`,
        );
        const sampleWrites = (): Promise<BgWriter | null> =>
          engine === 'postgres' && started[0] ? bgWriter(started[0]) : Promise.resolve(null);
        const before = await sampleWrites();
        const results = await measurePaired(started, options);
        const after = await sampleWrites();
        const note = bgWriterNote(before, after);
        if (note) notes.push(note);
        for (const s of started) {
          const { rows: _rows, query: _query, close: _close, ...coldStart } = s;
          reports.push({ ...coldStart, results: results.get(s) ?? [] });
        }
      } finally {
        for (const s of started) await s.close();
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
