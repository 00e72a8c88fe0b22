// `npm run bench [-- --runs N]`: builds, runs every benchmark one after the other (never two at
// once: they would measure each other) and writes one table into README.md between the
// `bench:start` / `bench:end` markers, each row with the command that measured it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? (process.argv[runsAt + 1] ?? '5') : '5';
const RESULTS = join('bench', 'results');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const bin = (name: string) => join('node_modules', '.bin', name);
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function run(command: string, args: string[]): string {
  console.error(`bench: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
  process.stderr.write(result.stdout);
  return result.stdout;
}

interface Row {
  measure: string;
  command: string;
  result: string;
  target: string;
  peer: string;
}

/** The `| measure | result | target |` rows of a Markdown table the benchmark wrote. */
function tableRows(markdown: string, command: string): Row[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| measure') && !line.startsWith('| ---'))
    .map((line) => line.slice(2, -2).split(' | '))
    .filter((cells) => cells.length === 3)
    .map(([measure = '', result = '', target = '']) => ({ measure, command, result, target, peer: '' }));
}

/** The cells of every row of a Markdown table whose first cell matches `first`. */
function cellsOf(markdown: string, first: RegExp): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    )
    .filter((cells) => first.test(cells[0] ?? ''));
}

/** The cold-start and request rows of bench/sandbox.ts's report (its Markdown is all it prints). */
function sandboxRows(markdown: string, command: string): Row[] {
  // | engine | scale | subjects | sessions | datasets | files | createSandbox | → first 200 | …
  const cold = cellsOf(markdown, /^(pglite|postgres)$/).filter((cells) => /^[\d.]+ s$/.test(cells[6] ?? ''));
  // | engine | scale | request | n | p50 ms | p95 ms | req/s | failed | … | CPU ms/req | …
  const requests = cellsOf(markdown, /^(pglite|postgres)$/).filter((cells) =>
    (cells[2] ?? '').startsWith('`'),
  );
  return [
    ...cold.map(([engine = '', scale = '', , , , , create = '', first = '']) => ({
      measure: `sandbox (${engine}) cold start, scale ${scale}: seed, then first 200`,
      command,
      result: `${create}, ${first}`,
      target: '—',
      peer: '',
    })),
    ...requests.map(
      ([engine = '', scale = '', name = '', , p50 = '', p95 = '', , failed = '', , cpu = '']) => ({
        measure: `sandbox (${engine}) scale ${scale}: ${name} p50 / p95, CPU per request${failed === '0' ? '' : ` (${failed} failed)`}`,
        command,
        result: `${p50} / ${p95} ms, ${cpu} ms CPU`,
        target: '—',
        peer: '',
      }),
    ),
  ];
}

interface LoadPhase {
  phase: 'steady' | 'kill';
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: Record<string, number>;
  downErrors: Record<string, number>;
  unclearDownErrors: number;
  downSeconds: number;
  recordsChecked: number;
  recordsReadBack: number;
}
interface LoadReport {
  seconds: number;
  clients: number;
  results: LoadPhase[];
}

/** One row for both phases of bench/load.ts. */
function loadRow(report: LoadReport, command: string): Row {
  const errors = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
  const part = (r: LoadPhase) =>
    `${r.phase === 'kill' ? `sandbox killed (down ${r.downSeconds.toFixed(0)} s, ${errors(r.downErrors)} × 502/503 JSON${r.unclearDownErrors ? `, ${r.unclearDownErrors} unclear` : ''})` : 'steady'}: ${r.perSecond.toFixed(1)} req/s, ${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} / ${r.p99.toFixed(0)} ms, ${errors(r.errors)} errors, ${r.recordsReadBack}/${r.recordsChecked} read back`;
  return {
    measure: `load: ${report.clients} clients, reads + own writes through the proxy for ${report.seconds} s, then again with the sandbox SIGKILLed and restarted: req/s, p50 / p95 / p99, errors, acknowledged writes read back`,
    command,
    result: report.results.map(part).join('; '),
    target: '0 errors, all read back',
    peer: '',
  };
}

function main(): void {
  const startLoad = loadavg();
  const started = new Date();
  run(bin('vite'), ['build', '--logLevel', 'warn']);
  const rows: Row[] = [];

  const parseJson = join(RESULTS, 'parse.json');
  run(bin('tsx'), ['bench/parse.ts', '--json', parseJson]);
  const parse = JSON.parse(readFileSync(parseJson, 'utf8')) as {
    bytes: number;
    endpoints: number;
    runs: number;
    medianMs: number;
    modelMedianMs: number;
    cpuMeanMs: number;
  };
  rows.push({
    measure: `parse + model build of Alyx's OpenAPI (${(parse.bytes / 1024).toFixed(0)} KB, ${parse.endpoints} endpoints) in Node, JSON text → model (median of ${parse.runs})`,
    command: '`npm run bench:parse`',
    result: `${parse.medianMs.toFixed(1)} ms wall (model alone ${parse.modelMedianMs.toFixed(1)} ms); ${parse.cpuMeanMs.toFixed(1)} ms CPU a run`,
    target: '≤ 20 ms',
    peer: '',
  });

  const swaggerJson = join(RESULTS, 'swagger.json');
  run(bin('tsx'), ['bench/swagger.ts', '--runs', RUNS, '--json', swaggerJson]);
  const sw = JSON.parse(readFileSync(swaggerJson, 'utf8')) as {
    runs: number;
    explorerMs: number;
    swaggerMs: number;
    ratio: number;
    ratioMin: number;
    ratioMax: number;
    explorerGzip: number;
    explorerFiles: number;
    swaggerGzip: number;
    swaggerFiles: number;
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const swCommand = '`npm run bench:swagger`';
  rows.push(
    {
      measure: `cold load, Alyx's real OpenAPI from one loopback server, token preset: navigation → endpoint tree painted (median of ${sw.runs} paired runs)`,
      command: swCommand,
      result: `${Math.round(sw.explorerMs)} ms`,
      target: '—',
      peer: `Swagger UI 5.35.0, first tag painted: ${Math.round(sw.swaggerMs)} ms`,
    },
    {
      measure: 'the same, explorer ÷ Swagger UI (median of the paired ratios, min–max)',
      command: swCommand,
      result: `${sw.ratio.toFixed(2)}× (${sw.ratioMin.toFixed(2)}–${sw.ratioMax.toFixed(2)})`,
      target: '≤ 0.25×',
      peer: '',
    },
    {
      measure: 'JS+CSS fetched for that first screen, gzip',
      command: swCommand,
      result: `${kb(sw.explorerGzip)} (${sw.explorerFiles} files)`,
      target: '≤ 180 KB',
      peer: `Swagger UI: ${kb(sw.swaggerGzip)} (${sw.swaggerFiles} files); Redoc ≈ 327 KB`,
    },
  );

  const sandboxArgs = ['--scale', '1,50', '--requests', '50'];
  const sandboxCommand = `\`npm run bench:sandbox -- ${sandboxArgs.join(' ')}\``;
  const uiCommand = `\`npm run bench:ui -- --runs ${RUNS}\``;
  // A benchmark that fails still gets its row, so the table never silently loses one.
  const failed = (command: string, error: unknown): Row => ({
    measure: 'did not complete',
    command,
    result: error instanceof Error ? error.message : String(error),
    target: '—',
    peer: '',
  });
  try {
    rows.push(...sandboxRows(run(bin('tsx'), ['bench/sandbox.ts', ...sandboxArgs]), sandboxCommand));
  } catch (error) {
    rows.push(failed(sandboxCommand, error));
  }
  try {
    run(bin('tsx'), ['bench/ui.ts', '--runs', RUNS]);
    rows.push(...tableRows(readFileSync(join(RESULTS, 'ui.md'), 'utf8'), uiCommand));
  } catch (error) {
    rows.push(failed(uiCommand, error));
  }

  const loadArgs = ['--seconds', '60', '--clients', '50'];
  const loadCommand = `\`npm run bench:load -- ${loadArgs.join(' ')}\``;
  try {
    const loadJson = join(RESULTS, 'load.json');
    // Exits non-zero on a failed check; the row says so instead of disappearing.
    spawnSync(bin('tsx'), ['bench/load.ts', ...loadArgs, '--json', loadJson], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    rows.push(loadRow(JSON.parse(readFileSync(loadJson, 'utf8')) as LoadReport, loadCommand));
  } catch (error) {
    rows.push(failed(loadCommand, error));
  }

  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const table = [
    `Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --runs ${RUNS}\` · ${os.cpus().length} CPUs · load average ${startLoad} at the start, ${loadavg()} at the end (\`uptime\`).`,
    '',
    '| measure | command | result | target | peer |',
    '| --- | --- | --- | --- | --- |',
    ...rows
      .map((r) => [r.measure, r.command, r.result, r.target, r.peer || '—'].map(cell).join(' | '))
      .map((line) => `| ${line} |`),
  ].join('\n');
  console.log(table);
  if (!existsSync('README.md')) return;
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} markers`);
  writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n\n${table}\n\n${readme.slice(to)}`);
  console.error('bench: README.md updated');
}

main();
