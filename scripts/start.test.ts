// `npm start -- --fixture FILE`: the sandbox options pass through start.mjs, the dump lands in a
// database of its own, and paths are relative to where the user typed the command.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'alyx-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startScript(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const LAB = '4027da48-7be3-43ec-a222-f75dffe36872';
const USER = '20e9a1ac-d0ff-4d76-a097-1e26d1723e3f';
const dump = [
  { model: 'misc.lab', pk: LAB, fields: { name: 'dumplab', timezone: 'Europe/London', repositories: [] } },
  {
    model: 'misc.labmember',
    pk: USER,
    fields: { username: '11', password: '', is_active: true, groups: [], user_permissions: [] },
  },
  {
    model: 'subjects.subject',
    pk: '01228d85-2b15-4263-9bbf-b9bb534db7e3',
    fields: { nickname: '016023', lab: LAB, responsible_user: USER, sex: 'F', projects: [], json: null },
  },
];

describe('npm start options for the sandbox', () => {
  it('refuses a fixture file that does not exist, naming it', async () => {
    const run = startScript(['--no-build', '--fixture', 'missing-dump.json'], { INIT_CWD: work });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`no such fixture file: ${path.join(work, 'missing-dump.json')}`);
  });

  it('loads a dump given relative to the user’s directory into a database of its own', async () => {
    writeFileSync(path.join(work, 'my-lab.json'), JSON.stringify(dump));
    const dist = path.join(work, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>test</title>');
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const run = startScript(['--no-build', '--fixture', 'my-lab.json'], {
      INIT_CWD: work,
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      EXPLORER_DIST: dist,
    });
    const dataDir = path.join(root, '.sandbox-data', 'fixtures', 'my-lab');
    try {
      const deadline = Date.now() + 150_000;
      while (!run.output().includes('is running at') && Date.now() < deadline) {
        if (run.child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(run.output()).toContain(`(loaded ${path.join(work, 'my-lab.json')})`);
      expect(run.output()).toContain(dataDir);
      const sandbox = `http://127.0.0.1:${sandboxPort}`;
      const login = await fetch(`${sandbox}/auth-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'admin' }),
      });
      const { token } = (await login.json()) as { token: string };
      const subject = await fetch(`${sandbox}/subjects/016023`, {
        headers: { authorization: `Token ${token}` },
      });
      expect(subject.status).toBe(200);
      expect(await subject.json()).toMatchObject({ nickname: '016023', lab: 'dumplab' });
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
