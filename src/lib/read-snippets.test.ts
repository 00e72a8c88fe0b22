/** Read snippets: each language for a list with filters and for a record; the token masked or revealed. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  alfObject,
  curlReadSnippet,
  oneReadSnippet,
  readSnippets,
  requestsSnippet,
  TOKEN_PLACEHOLDER,
  typescriptSnippet,
} from './request-snippets.ts';

const BASE = 'https://alyx.example.org/';
const TOKEN = '0123456789abcdef0123456789abcdef01234567';
const list = {
  baseUrl: BASE,
  endpoint: 'sessions',
  search: new URLSearchParams('subject=KS005&django=start_time__gte,2024-01-01&limit=25'),
};
const hostile = 'it\'s "x" $(touch /tmp/pwned) `id`\n\u202e';

function pythonParses(code: string): string {
  const result = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read()); print("ok")'], {
    input: code,
    encoding: 'utf8',
  });
  return result.stdout.trim() || result.stderr;
}

describe('read snippets for a list', () => {
  it('ONE: rest list with the filters, no paging', () => {
    expect(oneReadSnippet(list)).toBe(
      [
        'from one.api import ONE',
        '',
        "one = ONE(base_url='https://alyx.example.org')",
        "records = one.alyx.rest('sessions', 'list', subject='KS005', django='start_time__gte,2024-01-01')",
      ].join('\n'),
    );
  });
  it('requests: params and a masked token from the environment', () => {
    const code = requestsSnippet(list);
    expect(code).toContain("'https://alyx.example.org/sessions',");
    expect(code).toContain(
      "params={'subject': 'KS005', 'django': 'start_time__gte,2024-01-01', 'limit': '25'},",
    );
    expect(code).toContain("'Authorization': 'Token ' + os.environ['ALYX_TOKEN']");
    expect(pythonParses(code)).toBe('ok');
  });
  it('curl: the exact URL and the placeholder header', () => {
    expect(curlReadSnippet(list)).toBe(
      [
        "curl 'https://alyx.example.org/sessions?subject=KS005&django=start_time__gte%2C2024-01-01&limit=25'",
        `  -H "Authorization: Token ${TOKEN_PLACEHOLDER}"`,
        "  -H 'Accept: application/json'",
      ].join(' \\\n'),
    );
  });
  it('TypeScript: our client listPage with the params', () => {
    expect(typescriptSnippet(list)).toContain(
      'const page = await alyx.listPage("sessions", { subject: "KS005", django: "start_time__gte,2024-01-01", limit: "25" });',
    );
    expect(typescriptSnippet(list)).toContain('getToken: () => process.env.ALYX_TOKEN ?? null,');
  });
  it('repeated keys stay repeated', () => {
    const search = new URLSearchParams('users=a&users=b');
    const request = { baseUrl: BASE, endpoint: 'subjects', search };
    expect(requestsSnippet(request)).toContain("params=[('users', 'a'), ('users', 'b')],");
    expect(typescriptSnippet(request)).toContain('{ users: ["a", "b"] }');
    expect(curlReadSnippet(request)).toContain('subjects?users=a&users=b');
  });
});

describe('read snippets for a record', () => {
  const subject = { baseUrl: BASE, endpoint: 'subjects', lookup: 'KS005' };
  it('ONE reads by id; a session also lists datasets and loads an object it has', () => {
    expect(oneReadSnippet(subject)).toContain("record = one.alyx.rest('subjects', 'read', id='KS005')");
    expect(oneReadSnippet(subject)).not.toContain('list_datasets');
    const eid = '5d8f1a2b-0000-4000-8000-000000000001';
    const session = oneReadSnippet({
      baseUrl: BASE,
      endpoint: 'sessions',
      lookup: eid,
      record: { data_dataset_session_related: [{ name: '_ibl_wheel.position.npy' }] },
    });
    expect(session).toContain(`datasets = one.list_datasets(eid)`);
    expect(session).toContain(`eid = '${eid}'`);
    expect(session).toContain("wheel = one.load_object(eid, 'wheel')");
    expect(pythonParses(session)).toBe('ok');
    expect(oneReadSnippet({ ...subject, endpoint: 'sessions' })).toContain("one.load_object(eid, 'trials')");
  });
  it('names ALF objects', () => {
    expect(alfObject('_ibl_trials.table.pqt')).toBe('trials');
    expect(alfObject('wheel.position.npy')).toBe('wheel');
    expect(alfObject('__import__("os")')).toBeNull();
  });
  it('curl, requests and TypeScript ask for the record path, never with a query', () => {
    const request = { ...subject, search: new URLSearchParams('limit=25') };
    expect(curlReadSnippet(request)).toContain("curl 'https://alyx.example.org/subjects/KS005'");
    expect(requestsSnippet(request)).not.toContain('params=');
    expect(typescriptSnippet(request)).toContain('const record = await alyx.get("/subjects/KS005");');
  });
});

describe('the token', () => {
  it('is masked in every language unless revealed', () => {
    for (const snippet of readSnippets(list)) expect(snippet.code).not.toContain(TOKEN);
  });
  it('when revealed goes in a header in every language but ONE, never in the URL', () => {
    const revealed = readSnippets({ ...list, token: TOKEN });
    const byLanguage = Object.fromEntries(revealed.map((s) => [s.language, s.code]));
    expect(byLanguage.one).not.toContain(TOKEN);
    expect(byLanguage.curl).toContain(`-H 'Authorization: Token ${TOKEN}'`);
    expect(byLanguage.requests).toContain(`'Authorization': 'Token ${TOKEN}'`);
    expect(byLanguage.typescript).toContain(`getToken: () => "${TOKEN}"`);
    for (const code of Object.values(byLanguage)) expect(code).not.toMatch(new RegExp(`[?&][^ ]*${TOKEN}`));
  });
});

describe('hostile values', () => {
  const request = { baseUrl: BASE, endpoint: 'subjects', search: new URLSearchParams({ nickname: hostile }) };
  it('stay inert Python', () => {
    expect(pythonParses(requestsSnippet(request))).toBe('ok');
    expect(pythonParses(oneReadSnippet(request))).toBe('ok');
    expect(pythonParses(oneReadSnippet({ baseUrl: BASE, endpoint: 'sessions', lookup: hostile }))).toBe('ok');
  });
  it('a shell runs nothing from the curl line', () => {
    const code =
      curlReadSnippet(request)
        .replace(/^curl /, 'printf %s ')
        .split(' \\\n')[0] ?? '';
    const result = spawnSync('sh', ['-c', code], { encoding: 'utf8' });
    expect(result.stdout).toBe(
      `${BASE}subjects?nickname=${new URLSearchParams({ n: hostile }).toString().slice(2)}`,
    );
  });
  it('TypeScript string literals are JSON-escaped', () => {
    const code = typescriptSnippet({
      ...request,
      search: new URLSearchParams([
        ['__proto__', 'x'],
        ['a-b', hostile],
      ]),
    });
    expect(code).toContain(`["__proto__"]: "x"`);
    expect(code).toContain(`"a-b": ${JSON.stringify(hostile)}`);
  });
});
