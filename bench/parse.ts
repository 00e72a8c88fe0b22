// `npm run bench:parse [-- --runs N] [--json PATH]`: parse + model build of Alyx's real OpenAPI
// document in Node, as the browser does it after the response arrives (JSON text → model with
// detail routes and relations). A benchmark, not a test: it prints one line per measure.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inferDetailRoutes } from '../src/api/schema/detail-routes.ts';
import { mergeModels } from '../src/api/schema/merge.ts';
import { parseOpenApi } from '../src/api/schema/parse-openapi.ts';
import { applyRelations } from '../src/api/schema/relations.ts';

const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(flag('--runs') ?? 200);
const SCHEMA = resolve('..', 'shared', 'alyx', 'openapi.json');

const text = readFileSync(SCHEMA, 'utf8');
const build = (doc: unknown) => {
  const builtAt = Date.now();
  return applyRelations(inferDetailRoutes(mergeModels([parseOpenApi(doc, builtAt)], builtAt)));
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// Warm the JIT as a page that has just evaluated the code would not be; the cold first run is reported too.
const t0 = performance.now();
const model = build(JSON.parse(text));
const cold = performance.now() - t0;
for (let i = 0; i < 20; i++) build(JSON.parse(text));

const total: number[] = [];
const modelOnly: number[] = [];
// CPU time besides wall time: on a shared, loaded machine the wall clock mostly measures the others.
const cpuBefore = process.cpuUsage();
for (let i = 0; i < RUNS; i++) {
  const a = performance.now();
  const doc: unknown = JSON.parse(text);
  const b = performance.now();
  build(doc);
  const c = performance.now();
  total.push(c - a);
  modelOnly.push(c - b);
}
const cpu = process.cpuUsage(cpuBefore);
const result = {
  cpuMeanMs: (cpu.user + cpu.system) / 1000 / RUNS,
  bytes: Buffer.byteLength(text),
  endpoints: Object.keys(model.endpoints).length,
  runs: RUNS,
  medianMs: median(total),
  modelMedianMs: median(modelOnly),
  coldMs: cold,
};
console.log(
  `parse + model build of ${(result.bytes / 1024).toFixed(0)} KB OpenAPI (${result.endpoints} endpoints): ` +
    `median ${result.medianMs.toFixed(1)} ms over ${RUNS} runs (model alone ${result.modelMedianMs.toFixed(1)} ms; first, cold ${cold.toFixed(1)} ms); CPU time ${result.cpuMeanMs.toFixed(1)} ms a run`,
);
const jsonPath = flag('--json');
if (jsonPath) writeFileSync(jsonPath, JSON.stringify(result));
