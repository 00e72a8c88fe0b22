import { describe, expect, it } from 'vitest';
import { resources } from '../resources/registry.ts';
import { type CoreApiLink, buildCoreApi } from './coreapi.ts';
import { sharedJson, skipReason } from './shared-alyx.ts';

const reason = skipReason('coreapi.json');
if (reason) console.log(`CoreAPI conformance skipped: ${reason}`);

/** Alyx HEAD removed these subject fields after the frozen document was generated. */
const REMOVED = new Set(['subjects.list.cull_method', 'subjects.list.reduced']);

describe.skipIf(Boolean(reason))('sandbox CoreAPI vs Alyx coreapi.json', () => {
  const theirs = sharedJson('coreapi.json') as Record<string, Record<string, CoreApiLink>>;
  const ours = buildCoreApi(resources, 'http://localhost:8000') as unknown as Record<
    string,
    Record<string, CoreApiLink>
  >;
  const names = [...resources.map((r) => r.name), 'auth-token'];

  it('has the same links (actions, urls, methods) and accepts every field Alyx lists', () => {
    const diffs: string[] = [];
    let extra = 0;
    for (const name of names) {
      const a = theirs[name] ?? {};
      const b = ours[name] ?? {};
      const actions = (x: Record<string, CoreApiLink>) => Object.keys(x).sort().join();
      if (actions(a) !== actions(b)) diffs.push(`${name}: actions ${actions(a)} vs ${actions(b)}`);
      for (const [action, la] of Object.entries(a)) {
        const lb = b[action];
        if (!lb) continue;
        if (la.url !== lb.url || la.action !== lb.action)
          diffs.push(`${name}.${action}: ${la.action} ${la.url} vs ${lb.action} ${lb.url}`);
        if ((la.encoding ?? '') !== (lb.encoding ?? ''))
          diffs.push(`${name}.${action}: encoding ${String(la.encoding)} vs ${String(lb.encoding)}`);
        const key = (f: { name: string; location: string }) => `${f.location}:${f.name}`;
        const mine = new Set(lb.fields.map(key));
        for (const f of la.fields) {
          if (!mine.has(key(f)) && !REMOVED.has(`${name}.${action}.${f.name}`))
            diffs.push(`${name}.${action}: missing field ${key(f)}`);
        }
        extra += lb.fields.filter((f) => !la.fields.some((g) => key(g) === key(f))).length;
      }
    }
    console.log(
      `CoreAPI conformance: ${names.length} endpoints, ${diffs.length} mismatches, ${extra} extra fields`,
    );
    expect(diffs).toEqual([]);
  });
});
