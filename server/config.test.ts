import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadAllowedHosts,
  loadInstances,
  publicInstances,
  usesSandbox,
  validateInstances,
} from './config.ts';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'explorer-config-'));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

function writeConfig(content: unknown, name = 'explorer.config.json'): string {
  const file = path.join(cwd, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadInstances', () => {
  it('falls back to the sandbox on SANDBOX_PORT when nothing is configured', () => {
    expect(loadInstances({}, cwd)).toEqual([
      { name: 'sandbox', url: 'http://127.0.0.1:8000', proxy: true, sandbox: true },
    ]);
    expect(loadInstances({ SANDBOX_PORT: '8123' }, cwd)).toEqual([
      { name: 'sandbox', url: 'http://127.0.0.1:8123', proxy: true, sandbox: true },
    ]);
    expect(usesSandbox({}, cwd)).toBe(true);
  });

  it('rejects a SANDBOX_PORT that is not a port', () => {
    expect(errorOf(() => loadInstances({ SANDBOX_PORT: 'eighty' }, cwd))).toMatch(
      /SANDBOX_PORT must be a port number/,
    );
  });

  it('reads ALYX_URL with ALYX_NAME, defaulting the name to alyx and trimming the trailing slash', () => {
    expect(loadInstances({ ALYX_URL: 'https://alyx.example.org/' }, cwd)).toEqual([
      { name: 'alyx', url: 'https://alyx.example.org', proxy: true },
    ]);
    expect(
      loadInstances({ ALYX_URL: 'https://openalyx.internationalbrainlab.org', ALYX_NAME: 'openalyx' }, cwd),
    ).toEqual([{ name: 'openalyx', url: 'https://openalyx.internationalbrainlab.org', proxy: true }]);
    expect(usesSandbox({ ALYX_URL: 'https://alyx.example.org' }, cwd)).toBe(false);
  });

  it('reads explorer.config.json from the working directory, before ALYX_URL', () => {
    writeConfig({
      instances: [
        { name: 'openalyx', url: 'https://openalyx.internationalbrainlab.org/', proxy: true },
        { name: 'local', url: 'http://localhost:8000/alyx//', proxy: false },
        { name: 'lab-2', url: 'https://alyx.lab.org' },
      ],
    });
    const instances = loadInstances({ ALYX_URL: 'https://ignored.example.org' }, cwd);
    expect(instances).toEqual([
      { name: 'openalyx', url: 'https://openalyx.internationalbrainlab.org', proxy: true },
      { name: 'local', url: 'http://localhost:8000/alyx', proxy: false },
      { name: 'lab-2', url: 'https://alyx.lab.org', proxy: true },
    ]);
    expect(usesSandbox({}, cwd)).toBe(false);
    expect(publicInstances(instances).map((i) => i.baseUrl)).toEqual([
      '/api/openalyx',
      'http://localhost:8000/alyx',
      '/api/lab-2',
    ]);
  });

  it('reads the file named by EXPLORER_CONFIG, relative to the working directory', () => {
    writeConfig({ instances: [{ name: 'one', url: 'https://one.example.org', proxy: true }] }, 'custom.json');
    expect(loadInstances({ EXPLORER_CONFIG: 'custom.json' }, cwd)).toEqual([
      { name: 'one', url: 'https://one.example.org', proxy: true },
    ]);
  });

  it('passes a sandbox mark on to the browser, and only a boolean one', () => {
    const instances = validateInstances(
      { instances: [{ name: 'local', url: 'http://127.0.0.1:8000', sandbox: true }] },
      'f.json',
    );
    expect(publicInstances(instances)).toEqual([
      {
        name: 'local',
        url: 'http://127.0.0.1:8000',
        proxy: true,
        baseUrl: '/api/local',
        sandbox: true,
        kind: 'sandbox',
      },
    ]);
    expect(
      errorOf(() =>
        validateInstances({ instances: [{ name: 'x', url: 'http://a.b', sandbox: 'yes' }] }, 'f.json'),
      ),
    ).toMatch(/sandbox must be true or false/);
  });

  it('names a missing EXPLORER_CONFIG file and broken JSON', () => {
    expect(errorOf(() => loadInstances({ EXPLORER_CONFIG: 'missing.json' }, cwd))).toMatch(
      /^Cannot read explorer config .*missing\.json/,
    );
    writeConfig('{ "instances": [', 'broken.json');
    expect(errorOf(() => loadInstances({ EXPLORER_CONFIG: 'broken.json' }, cwd))).toMatch(
      /broken\.json is not valid JSON/,
    );
  });
});

describe('validateInstances', () => {
  const check = (instances: unknown) => errorOf(() => validateInstances({ instances }, 'test.json'));

  it.each([
    [[], /"instances" is empty/],
    [[{ name: 'Alyx', url: 'https://a.org' }], /instances\[0\]\.name "Alyx" must match/],
    [[{ name: 'a'.repeat(33), url: 'https://a.org' }], /must match/],
    [[{ name: 'a/b', url: 'https://a.org' }], /must match/],
    [[{ name: 'api', url: 'https://a.org' }], /"api" is reserved/],
    [[{ name: 'assets', url: 'https://a.org' }], /"assets" is reserved/],
    [[{ name: '__explorer', url: 'https://a.org' }], /must match/],
    [
      [
        { name: 'a', url: 'https://a.org' },
        { name: 'a', url: 'https://b.org' },
      ],
      /instances\[1\]\.name "a" is used twice/,
    ],
    [[{ name: 'a', url: 'alyx.example.org' }], /not an absolute URL/],
    [[{ name: 'a', url: 'ftp://alyx.example.org' }], /must use http or https/],
    [[{ name: 'a', url: 'https://user:pw@alyx.example.org' }], /must not contain credentials/],
    [[{ name: 'a', url: 'https://alyx.example.org/?x=1' }], /must not have a query string/],
    [[{ name: 'a', url: 42 }], /url must be a string/],
    [[{ name: 'a', url: 'https://a.org', proxy: 'yes' }], /proxy must be true or false/],
    [[{ name: 'a', url: 'https://a.org', URL: 'x' }], /unknown key\(s\) URL/],
    [[{ name: 'a', url: 'https://a.org', proxyKey: 'short' }], /proxyKey must be a string of 16/],
    [[{ name: 'a', url: 'https://a.org', proxyKey: 'has spaces in the middle ok?' }], /proxyKey must be/],
    [['https://a.org'], /instances\[0\] must be an object/],
    [[{ name: 'a', url: 'https://a.org', kind: 'prod' }], /kind "prod" must be one of production, staging/],
    [[{ name: 'a', url: 'https://a.org', color: '#f00' }], /color "#f00" must be one of gray/],
    [[{ name: 'a', url: 'https://a.org', color: 'red' }], /red is production's/],
    [
      [{ name: 'a', url: 'https://a.org', kind: 'production', color: 'teal' }],
      /production instance is always red/,
    ],
    [[{ name: 'a', url: 'https://a.org', admin: 'yes' }], /admin must be true or false/],
    [[{ name: 'a', url: 'https://a.org', adminUrl: 'javascript:alert(1)' }], /adminUrl .* must use http/],
    [[{ name: 'a', url: 'https://a.org', admin: false, adminUrl: 'https://a.org' }], /contradict/],
  ])('refuses %j with a one-line message', (instances, message) => {
    const error = check(instances);
    expect(error).toMatch(message);
    expect(error.startsWith('test.json: ')).toBe(true);
    expect(error).not.toContain('\n');
  });

  it('refuses a file without an instances array', () => {
    expect(errorOf(() => validateInstances([{ name: 'a' }], 'f.json'))).toMatch(
      /expected an object \{ "instances"/,
    );
  });
});

describe('kind, colour and admin', () => {
  const publicOf = (entry: Record<string, unknown>) =>
    publicInstances(
      validateInstances({ instances: [{ name: 'a', url: 'https://a.org/', ...entry }] }, 'f.json'),
    )[0];

  it('passes kind and colour on, the sandbox being kind sandbox unless told otherwise', () => {
    expect(publicOf({ kind: 'production' })).toMatchObject({ kind: 'production' });
    expect(publicOf({ kind: 'staging', color: 'violet' })).toMatchObject({
      kind: 'staging',
      color: 'violet',
    });
    expect(publicOf({ sandbox: true })).toMatchObject({ kind: 'sandbox' });
    expect(publicOf({ sandbox: true, kind: 'production' })).toMatchObject({ kind: 'production' });
    expect(publicOf({})).not.toHaveProperty('kind');
    expect(loadInstances({}, cwd).map((instance) => publicInstances([instance])[0]?.kind)).toEqual([
      'sandbox',
    ]);
  });

  it('gives the browser an admin root for real instances by default, never for a sandbox unless asked', () => {
    expect(publicOf({})?.adminUrl).toBe('https://a.org');
    expect(publicOf({ kind: 'production' })?.adminUrl).toBe('https://a.org');
    expect(publicOf({ admin: false })).not.toHaveProperty('adminUrl');
    expect(publicOf({ sandbox: true })).not.toHaveProperty('adminUrl');
    expect(publicOf({ kind: 'sandbox' })).not.toHaveProperty('adminUrl');
    expect(publicOf({ sandbox: true, admin: true })?.adminUrl).toBe('https://a.org');
    expect(publicOf({ sandbox: true, adminUrl: 'https://admin.a.org/alyx/' })?.adminUrl).toBe(
      'https://admin.a.org/alyx',
    );
    expect(publicOf({ admin: true })).not.toHaveProperty('admin');
  });
});

describe('the proxy key', () => {
  const key = 'abcdef0123456789abcdef';

  it('comes from SANDBOX_PROXY_KEY for the default sandbox and from proxyKey in the file', () => {
    expect(loadInstances({ SANDBOX_PROXY_KEY: key }, cwd)[0]?.proxyKey).toBe(key);
    writeConfig({
      instances: [
        { name: 'a', url: 'http://127.0.0.1:8000', proxyKey: key },
        { name: 'b', url: 'https://b.org' },
      ],
    });
    const instances = loadInstances({}, cwd);
    expect(instances.map((instance) => instance.proxyKey)).toEqual([key, undefined]);
  });

  it('is never part of what the browser receives', () => {
    const listed = publicInstances([{ name: 'a', url: 'http://127.0.0.1:8000', proxy: true, proxyKey: key }]);
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed[0]).not.toHaveProperty('proxyKey');
  });
});

describe('loadAllowedHosts', () => {
  it('joins EXPLORER_ALLOWED_HOSTS and allowedHosts of the config file', () => {
    expect(loadAllowedHosts({}, cwd)).toEqual([]);
    writeConfig({ instances: [{ name: 'a', url: 'https://a.org' }], allowedHosts: ['lab.example.org:8443'] });
    expect(loadAllowedHosts({ EXPLORER_ALLOWED_HOSTS: ' explorer.example.org, 10.0.0.5 ' }, cwd)).toEqual([
      'explorer.example.org',
      '10.0.0.5',
      'lab.example.org:8443',
    ]);
  });

  it('refuses entries that are not host names, in one line', () => {
    expect(errorOf(() => loadAllowedHosts({ EXPLORER_ALLOWED_HOSTS: 'https://x.org/' }, cwd))).toMatch(
      /^EXPLORER_ALLOWED_HOSTS: "https:\/\/x.org\/" is not a host name/,
    );
    writeConfig({ instances: [{ name: 'a', url: 'https://a.org' }], allowedHosts: 'x.org' });
    expect(errorOf(() => loadAllowedHosts({}, cwd))).toMatch(/"allowedHosts" must be a list of host names/);
  });
});
