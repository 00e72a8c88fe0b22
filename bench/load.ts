/**
 * Load benchmark (`npm run bench:load -- [--seconds 60] [--clients 50] [--phase steady,kill]
 * [--json PATH]`), loopback only and bounded in time.
 * Starts a sandbox (its own process, a fresh data dir on disk) and the app server (its own process)
 * as scripts/start.mjs does, then runs N clients through the app server's proxy, each mixing reads
 * (lists, details, filtered lists) with writes on records of its own (subjects, weighings, notes).
 * Phase `steady`: nothing goes wrong, every request must succeed. Phase `kill`: the sandbox is
 * SIGKILLed at 40 % of the run and restarted on the same data dir; while it is down clients must
 * get the proxy's 502/503/504 with a JSON body, and every acknowledged write must be read back.
 * Writes the report to bench/results/load.md and, with --json, the numbers as JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Phase = 'steady' | 'kill';

interface Options {
  seconds: number;
  clients: number;
  phases: Phase[];
  json?: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REQUEST_TIMEOUT_MS = 30_000;

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { seconds: 60, clients: 50, phases: ['steady', 'kill'] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = inline ?? argv[++i] ?? '';
    const int = (text: string, max: number): number => {
      if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max)
        throw new Error(`${flag} needs an integer from 1 to ${max}, got "${text}"`);
      return Number(text);
    };
    if (flag === '--seconds') options.seconds = int(value, 600);
    else if (flag === '--clients') options.clients = int(value, 200);
    else if (flag === '--json') options.json = value;
    else if (flag === '--phase') {
      options.phases = value.split(',').map((p) => {
        if (p !== 'steady' && p !== 'kill') throw new Error(`--phase is steady and/or kill, got "${p}"`);
        return p;
      });
    } else
      throw new Error(
        `unknown option ${String(flag)} (use --seconds N, --clients N, --phase steady[,kill], --json PATH)`,
      );
  }
  return options;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startProcess(label: string, args: string[], env: Record<string, string>): ChildProcess {
  // tsx as a loader, not its CLI: the CLI runs the script in a grandchild that a SIGKILL to the CLI would orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${label}] ${String(chunk)}`));
  return child;
}

async function waitFor(url: string, child: ChildProcess, label: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${label} exited`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${label} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** The sandbox and the app server in front of it, as scripts/start.mjs runs them. */
class Stack {
  sandbox!: ChildProcess;
  explorer!: ChildProcess;
  sandboxPort = 0;
  explorerPort = 0;
  readonly proxyKey = randomBytes(32).toString('hex');
  readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'alyx-load-data-'));
  // The proxy is what is measured: a one-line page stands in for the build so no build is needed.
  readonly distDir = mkdtempSync(path.join(os.tmpdir(), 'alyx-load-dist-'));

  async start(): Promise<void> {
    writeFileSync(path.join(this.distDir, 'index.html'), '<!doctype html><title>load</title>');
    this.sandboxPort = await freePort();
    this.explorerPort = await freePort();
    await this.startSandbox(180_000);
    this.explorer = startProcess('explorer', ['server/main.ts'], {
      PORT: String(this.explorerPort),
      HOST: '127.0.0.1',
      SANDBOX_PORT: String(this.sandboxPort),
      SANDBOX_PROXY_KEY: this.proxyKey,
      EXPLORER_DIST: this.distDir,
      EXPLORER_CONFIG: '',
      ALYX_URL: '',
    });
    await waitFor(`${this.base}/__explorer/instances`, this.explorer, 'explorer', 60_000);
  }

  get base(): string {
    return `http://127.0.0.1:${this.explorerPort}`;
  }

  async startSandbox(timeoutMs: number): Promise<void> {
    this.sandbox = startProcess(
      'sandbox',
      ['sandbox/main.ts', '--port', String(this.sandboxPort), '--data', this.dataDir],
      { SANDBOX_PROXY_KEY: this.proxyKey, SANDBOX_HOST: '127.0.0.1' },
    );
    await waitFor(`http://127.0.0.1:${this.sandboxPort}/`, this.sandbox, 'sandbox', timeoutMs);
  }

  killSandbox(): Promise<void> {
    return stop(this.sandbox, 'SIGKILL');
  }

  async close(): Promise<void> {
    await Promise.all([stop(this.explorer, 'SIGTERM'), stop(this.sandbox, 'SIGTERM')]);
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(this.distDir, { recursive: true, force: true });
  }
}

interface Sample {
  op: string;
  ms: number;
  at: number;
  ok: boolean;
  kind?: string;
}

interface Reply {
  status: number;
  body: unknown;
}

/** A failed request, classified: `http-502`, `network`, `timeout`, `bad-body`, … */
class RequestFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
    /** The proxy's clear answer while the upstream is down: 502/503/504 with a JSON `detail`. */
    readonly clear: boolean,
  ) {
    super(message);
  }
}

class Client {
  token = '';
  constructor(
    readonly base: string,
    readonly samples: Sample[],
  ) {}

  async send(op: string, method: string, url: string, body?: unknown, expect: number[] = [200]) {
    const started = performance.now();
    try {
      const reply = await this.raw(method, url, body);
      if (!expect.includes(reply.status)) {
        const clear =
          [502, 503, 504].includes(reply.status) &&
          typeof reply.body === 'object' &&
          reply.body !== null &&
          'detail' in reply.body;
        throw new RequestFailure(
          `http-${reply.status}${clear || reply.status < 500 ? '' : ' (no JSON detail)'}`,
          `${method} ${url} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`,
          clear,
        );
      }
      this.samples.push({ op, ms: performance.now() - started, at: Date.now(), ok: true });
      return reply;
    } catch (error) {
      const failure =
        error instanceof RequestFailure
          ? error
          : error instanceof Error && error.name === 'TimeoutError'
            ? new RequestFailure('timeout', `${method} ${url} timed out`, false)
            : new RequestFailure('network', `${method} ${url}: ${String(error)}`, false);
      this.samples.push({
        op,
        ms: performance.now() - started,
        at: Date.now(),
        ok: false,
        kind: failure.kind,
      });
      throw failure;
    }
  }

  async raw(method: string, url: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Token ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}/api/sandbox${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (text === '') return { status: response.status, body: null };
    try {
      return { status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      throw new RequestFailure('bad-body', `${method} ${url} → ${response.status}: not JSON`, false);
    }
  }
}

/** What a record may hold when read back: one value once a write is acknowledged, two when one was not. */
interface Tracked {
  kind: 'subject' | 'weighing' | 'note';
  path: string;
  /** Acceptable values of the checked field; `null` = deleted (404). */
  allowed: (string | number | null)[];
  /** An unacknowledged write left it uncertain: the client leaves it alone from then on. */
  settled: boolean;
}

interface Shared {
  subjects: string[];
  sessions: string[];
  runId: string;
}

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;

const lastSegment = (url: unknown): string =>
  typeof url === 'string' ? (url.replace(/\/$/, '').split('/').pop() ?? '') : '';

async function runClient(
  index: number,
  client: Client,
  shared: Shared,
  deadline: number,
  tracked: Tracked[],
  counters: { acknowledged: number; unacknowledged: number },
  rampDelay: number,
): Promise<void> {
  let n = 0;
  await sleep(rampDelay);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
  const own = (kind: Tracked['kind']) =>
    tracked.filter((t) => t.kind === kind && t.settled && t.allowed[0] !== null);

  /** A write: acknowledged → `allowed` is the new value; failed → either value may be on disk. */
  const write = async (
    target: Tracked,
    next: string | number | null,
    send: () => Promise<unknown>,
  ): Promise<void> => {
    try {
      await send();
      target.allowed = [next];
      counters.acknowledged++;
    } catch (error) {
      target.allowed = [...target.allowed, next];
      target.settled = false;
      counters.unacknowledged++;
      throw error;
    }
  };

  while (Date.now() < deadline) {
    n++;
    const roll = Math.random();
    try {
      if (roll < 0.15) await client.send('list sessions', 'GET', '/sessions?limit=50');
      else if (roll < 0.3) await client.send('session detail', 'GET', `/sessions/${pick(shared.sessions)}`);
      else if (roll < 0.42)
        await client.send(
          'filtered sessions',
          'GET',
          `/sessions?subject=${encodeURIComponent(pick(shared.subjects))}&limit=20`,
        );
      else if (roll < 0.52)
        await client.send('filtered datasets', 'GET', `/datasets?session=${pick(shared.sessions)}&limit=50`);
      else if (roll < 0.6) await client.send('list subjects', 'GET', '/subjects?limit=25');
      else if (roll < 0.68 || own('subject').length === 0) {
        const nickname = `LOAD_${shared.runId}_${index}_${n}`;
        const description = `created ${n}`;
        const target: Tracked = {
          kind: 'subject',
          path: `/subjects/${nickname}`,
          allowed: [null],
          settled: true,
        };
        tracked.push(target);
        await write(target, description, () =>
          client.send(
            'create subject',
            'POST',
            '/subjects',
            { nickname, lab: 'mainenlab', description },
            [201],
          ),
        );
      } else if (roll < 0.76) {
        const target = pick(own('subject'));
        const description = `patched ${n}`;
        await write(target, description, () =>
          client.send('patch subject', 'PATCH', target.path, { description }),
        );
      } else if (roll < 0.84) {
        const subject = pick(own('subject'));
        const weight = Math.round(Math.random() * 30_000) / 1000;
        const reply = await client
          .send(
            'create weighing',
            'POST',
            '/weighings',
            { subject: lastSegment(subject.path), weight },
            [201],
          )
          .catch((error: unknown) => {
            counters.unacknowledged++;
            throw error;
          });
        counters.acknowledged++;
        tracked.push({
          kind: 'weighing',
          path: `/weighings/${lastSegment(field(reply.body, 'url'))}`,
          allowed: [weight],
          settled: true,
        });
      } else if (roll < 0.9) {
        const subject = pick(own('subject'));
        const detail = await client.send('subject detail', 'GET', subject.path);
        const text = `note ${index}/${n}`;
        const reply = await client
          .send(
            'create note',
            'POST',
            '/notes',
            {
              user: 'alice',
              content_type: 'subjects.subject',
              object_id: field(detail.body, 'id'),
              text,
            },
            [201],
          )
          .catch((error: unknown) => {
            counters.unacknowledged++;
            throw error;
          });
        counters.acknowledged++;
        tracked.push({
          kind: 'note',
          path: `/notes/${String(field(reply.body, 'id'))}`,
          allowed: [text],
          settled: true,
        });
      } else if (roll < 0.95 && own('note').length > 0) {
        const note = pick(own('note'));
        const text = `edited ${index}/${n}`;
        await write(note, text, () => client.send('patch note', 'PATCH', note.path, { text }));
      } else if (own('weighing').length > 0) {
        const weighing = pick(own('weighing'));
        await write(weighing, null, () =>
          client.send('delete weighing', 'DELETE', weighing.path, undefined, [204]),
        );
      } else if (own('note').length > 0) {
        const note = pick(own('note'));
        await write(note, null, () => client.send('delete note', 'DELETE', note.path, undefined, [204]));
      }
    } catch {
      // Counted in the samples; while the sandbox is down, back off a little like a person would.
      await sleep(200);
    }
  }
}

const CHECKED_FIELD: Record<Tracked['kind'], string> = {
  subject: 'description',
  weighing: 'weight',
  note: 'text',
};

interface ReadBack {
  checked: number;
  matched: number;
  lost: string[];
}

/** Reads every tracked record back; a mismatch is a lost or corrupted acknowledged write. */
async function readBack(client: Client, tracked: readonly Tracked[]): Promise<ReadBack> {
  const result: ReadBack = { checked: 0, matched: 0, lost: [] };
  let next = 0;
  const worker = async () => {
    while (next < tracked.length) {
      const target = tracked[next++] as Tracked;
      result.checked++;
      const reply = await client.raw('GET', target.path);
      const value = reply.status === 404 ? null : field(reply.body, CHECKED_FIELD[target.kind]);
      const ok =
        (reply.status === 200 || reply.status === 404) && target.allowed.some((allowed) => allowed === value);
      if (ok) result.matched++;
      else
        result.lost.push(
          `${target.path}: expected ${JSON.stringify(target.allowed)}, got ${reply.status} ${JSON.stringify(value)}`,
        );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return result;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface PhaseResult {
  phase: Phase;
  seconds: number;
  clients: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Failed requests by kind, outside the sandbox's down window (must be empty). */
  errors: Record<string, number>;
  /** Failed requests while the sandbox was down, by kind (kill phase). */
  downErrors: Record<string, number>;
  /** Of those, how many were not the proxy's clear 5xx JSON answer (must be 0). */
  unclearDownErrors: number;
  downSeconds: number;
  writesAcknowledged: number;
  writesUnacknowledged: number;
  recordsChecked: number;
  recordsReadBack: number;
  lost: string[];
  byOp: Record<
    string,
    { requests: number; p50: number; p95: number; failed: number; firstFailAt: number | null }
  >;
}

async function runPhase(phase: Phase, options: Options): Promise<PhaseResult> {
  const stack = new Stack();
  try {
    console.error(`load: ${phase}: starting sandbox (data dir ${stack.dataDir}) and app server`);
    await stack.start();
    const samples: Sample[] = [];
    const admin = new Client(stack.base, []);
    const login = await admin.raw('POST', '/auth-token', { username: 'alice', password: 'alice' });
    const token = field(login.body, 'token');
    if (typeof token !== 'string') throw new Error(`login failed: ${JSON.stringify(login.body)}`);
    admin.token = token;
    const sessions = await admin.raw('GET', '/sessions?limit=200');
    const subjects = await admin.raw('GET', '/subjects?limit=200');
    const ids = (reply: Reply, key: string) =>
      (Array.isArray(field(reply.body, 'results')) ? (field(reply.body, 'results') as unknown[]) : [])
        .map((row) => String(field(row, key)))
        .filter((v) => v !== 'undefined');
    const shared: Shared = {
      sessions: ids(sessions, 'id'),
      subjects: ids(subjects, 'nickname'),
      runId: randomBytes(3).toString('hex'),
    };
    if (shared.sessions.length === 0 || shared.subjects.length === 0)
      throw new Error('the sandbox returned no sessions or subjects');

    // One of each write once before the clock starts: the first of each kind on a fresh process
    // (JIT, query plans) is several times slower than the rest, and 50 of them at once time out.
    const warm = `LOAD_WARMUP_${shared.runId}`;
    await admin.send('warm-up', 'POST', '/subjects', { nickname: warm, lab: 'mainenlab' }, [201]);
    await admin.send('warm-up', 'PATCH', `/subjects/${warm}`, { description: 'warm' });
    const weighing = await admin.send('warm-up', 'POST', '/weighings', { subject: warm, weight: 1 }, [201]);
    await admin.send(
      'warm-up',
      'DELETE',
      `/weighings/${lastSegment(field(weighing.body, 'url'))}`,
      undefined,
      [204],
    );
    await admin.send('warm-up', 'DELETE', `/subjects/${warm}`, undefined, [204]);

    const tracked: Tracked[][] = Array.from({ length: options.clients }, () => []);
    const counters = { acknowledged: 0, unacknowledged: 0 };
    const started = Date.now();
    const deadline = started + options.seconds * 1000;
    let down: { from: number; to: number } | null = null;
    const killer =
      phase === 'kill'
        ? (async () => {
            await sleep(options.seconds * 400);
            const from = Date.now();
            console.error('load: kill: SIGKILL to the sandbox');
            await stack.killSandbox();
            await sleep(1000);
            await stack.startSandbox(180_000);
            // Requests sent just before it answered may still be in flight: a short grace period.
            down = { from, to: Date.now() + 1000 };
            console.error(`load: kill: sandbox back after ${((Date.now() - from) / 1000).toFixed(1)} s`);
          })()
        : Promise.resolve();
    await Promise.all(
      tracked.map((mine, index) => {
        const client = new Client(stack.base, samples);
        client.token = token;
        // Clients join over the first 5 s (at most a tenth of the run), as users arrive, not all in one instant.
        const ramp = Math.min(5000, options.seconds * 100);
        return runClient(index, client, shared, deadline, mine, counters, (index * ramp) / options.clients);
      }),
    );
    await killer;
    const elapsed = (Date.now() - started) / 1000;
    const all = tracked.flat();
    const back = await readBack(admin, all);

    const window = down as { from: number; to: number } | null;
    const inDown = (s: Sample) => window !== null && s.at >= window.from && s.at <= window.to;
    const count = (list: Sample[]) =>
      list.reduce<Record<string, number>>((acc, s) => {
        acc[s.kind ?? '?'] = (acc[s.kind ?? '?'] ?? 0) + 1;
        return acc;
      }, {});
    const failures = samples.filter((s) => !s.ok);
    const downFailures = failures.filter(inDown);
    const ok = samples.filter((s) => s.ok).map((s) => s.ms);
    ok.sort((a, b) => a - b);
    const byOp: PhaseResult['byOp'] = {};
    for (const op of [...new Set(samples.map((s) => s.op))].sort()) {
      const times = samples.filter((s) => s.op === op && s.ok).map((s) => s.ms);
      times.sort((a, b) => a - b);
      const failedOutside = failures.filter((f) => f.op === op && !inDown(f));
      byOp[op] = {
        requests: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        failed: failedOutside.length,
        // Seconds into the run of the first failure outside the down window: a cold start shows as early.
        firstFailAt: failedOutside.length
          ? (Math.min(...failedOutside.map((f) => f.at)) - started) / 1000
          : null,
      };
    }
    return {
      phase,
      seconds: elapsed,
      clients: options.clients,
      requests: samples.length,
      perSecond: samples.length / elapsed,
      p50: percentile(ok, 50),
      p95: percentile(ok, 95),
      p99: percentile(ok, 99),
      errors: count(failures.filter((s) => !inDown(s))),
      downErrors: count(downFailures),
      unclearDownErrors: downFailures.filter((s) => !/^http-50[234]$/.test(s.kind ?? '')).length,
      downSeconds: window ? (window.to - window.from) / 1000 : 0,
      writesAcknowledged: counters.acknowledged,
      writesUnacknowledged: counters.unacknowledged,
      recordsChecked: back.checked,
      recordsReadBack: back.matched,
      lost: back.lost,
      byOp,
    };
  } finally {
    await stack.close();
  }
}

const kinds = (record: Record<string, number>) =>
  Object.keys(record).length === 0
    ? 'none'
    : Object.entries(record)
        .map(([kind, n]) => `${kind}: ${n}`)
        .join(', ');

function passed(r: PhaseResult): boolean {
  return Object.keys(r.errors).length === 0 && r.unclearDownErrors === 0 && r.lost.length === 0;
}

function report(results: PhaseResult[], options: Options, loadStart: string): string {
  const loadEnd = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const lines = [
    '# Load benchmark',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:load -- --seconds ${options.seconds} --clients ${options.clients}\` · ${os.cpus().length} CPUs · load average ${loadStart} at the start, ${loadEnd} at the end. Sandbox (PGlite, data dir on disk, scale 1) and app server each in their own process; ${options.clients} clients in this one, all through the app server's proxy on loopback.`,
    '',
    '| phase | requests | req/s | p50 / p95 / p99 ms | errors (outside downtime) | while down | writes acknowledged | read back | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.phase === 'kill' ? `sandbox SIGKILLed at 40 %, restarted (down ${r.downSeconds.toFixed(1)} s)` : 'steady'} | ${r.requests} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} / ${r.p99.toFixed(0)} | ${kinds(r.errors)} | ${r.phase === 'kill' ? `${kinds(r.downErrors)}${r.unclearDownErrors ? ` (${r.unclearDownErrors} not a clear 5xx JSON)` : ''}` : '—'} | ${r.writesAcknowledged} (+${r.writesUnacknowledged} failed) | ${r.recordsReadBack} / ${r.recordsChecked} records | ${passed(r) ? 'pass' : 'FAIL'} |`,
    ),
    '',
    `Clients join over the first ${Math.min(5, options.seconds / 10)} s; no think time between requests (a stress test, not a model of users). Latency counts successful requests only, from send to body read; a request times out after ${REQUEST_TIMEOUT_MS / 1000} s. "Read back": every record a client`,
    'created, with the value of its last acknowledged write (a record whose last write failed may hold',
    'either value; a deleted one must answer 404).',
    '',
  ];
  for (const r of results) {
    lines.push(
      `## ${r.phase}: per operation`,
      '',
      '| operation | ok requests | p50 ms | p95 ms | failed outside downtime | first failure at |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const [op, s] of Object.entries(r.byOp))
      lines.push(
        `| ${op} | ${s.requests} | ${s.p50.toFixed(0)} | ${s.p95.toFixed(0)} | ${s.failed} | ${s.firstFailAt === null ? '—' : `${s.firstFailAt.toFixed(0)} s`} |`,
      );
    if (r.lost.length > 0) lines.push('', 'Lost or wrong:', ...r.lost.slice(0, 20).map((l) => `- ${l}`));
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const loadStart = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const results: PhaseResult[] = [];
  for (const phase of options.phases) results.push(await runPhase(phase, options));
  const markdown = report(results, options, loadStart);
  console.log(markdown);
  const out = path.join(ROOT, 'bench', 'results');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'load.md'), markdown);
  if (options.json) {
    await writeFile(
      options.json,
      JSON.stringify({ seconds: options.seconds, clients: options.clients, results }, null, 2),
    );
  }
  if (!results.every(passed)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
