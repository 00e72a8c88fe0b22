import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SandboxProcess {
  url: string;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * A real sandbox (`sandbox/main.ts`) in a child process on a free port, in memory with a small
 * demo data set. Tests reach it over HTTP exactly as the browser would.
 */
export function startSandboxProcess(args: string[] = []): Promise<SandboxProcess> {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const child: ChildProcess = spawn(tsx, ['sandbox/main.ts', '--memory', '--port', '0', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1] && /ready in/.test(output)) {
        child.stdout?.off('data', onData);
        resolve({ url: match[1].replace(/\/$/, ''), stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}:\n${output}`)));
  });
}
