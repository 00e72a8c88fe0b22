import { describe, expect, it } from 'vitest';
import { ConfigError, parseCli } from './config.ts';

describe('parseCli', () => {
  it('uses defaults, then environment, then flags', () => {
    expect(parseCli([], {})).toEqual({
      port: 8000,
      host: '127.0.0.1',
      dataDir: '.sandbox-data/',
      reset: false,
      scale: 1,
      discovery: 'all',
      throttle: null,
      faults: false,
      allowedHosts: [],
    });
    const env = {
      SANDBOX_PORT: '9000',
      SANDBOX_DATA: '/tmp/x',
      SANDBOX_DISCOVERY: 'openapi',
      SANDBOX_THROTTLE: '10/second',
      SANDBOX_FAULTS: '1',
      SANDBOX_PUBLIC_URL: 'http://h/api/sandbox',
    };
    expect(parseCli([], env)).toMatchObject({
      port: 9000,
      dataDir: '/tmp/x',
      discovery: 'openapi',
      throttle: '10/second',
      faults: true,
      publicUrl: 'http://h/api/sandbox',
    });
    expect(
      parseCli(['--port=0', '--memory', '--reset', '--scale', '3', '--fixture', 'f.json.gz'], env),
    ).toMatchObject({ port: 0, dataDir: null, reset: true, scale: 3, fixture: 'f.json.gz' });
    expect(parseCli(['--help'], {})).toBe('help');
  });

  it('reads allowed hosts and the proxy key from flags or environment', () => {
    expect(
      parseCli([], { SANDBOX_ALLOWED_HOSTS: 'explorer.lab.org, .lab.org,[::2]:80', SANDBOX_PROXY_KEY: 'k1' }),
    ).toMatchObject({ allowedHosts: ['explorer.lab.org', '.lab.org', '[::2]:80'], proxyKey: 'k1' });
    expect(
      parseCli(['--allowed-hosts', 'a.org', '--proxy-key=k2'], { SANDBOX_PROXY_KEY: 'k1' }),
    ).toMatchObject({
      allowedHosts: ['a.org'],
      proxyKey: 'k2',
    });
    expect(parseCli([], {})).not.toHaveProperty('proxyKey');
    expect(() => parseCli(['--allowed-hosts', 'evil.org/x'], {})).toThrow(ConfigError);
  });

  it('rejects bad values with one-line messages', () => {
    for (const argv of [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--discovery', 'soap'],
      ['--throttle', 'fast'],
      ['--scale', '0'],
      ['--bogus'],
      ['--data'],
      ['--public-url', 'localhost'],
    ]) {
      expect(() => parseCli(argv, {}), argv.join(' ')).toThrow(ConfigError);
    }
    expect(() => parseCli(['--throttle', '5/fortnight'], {})).toThrow(/Invalid throttle rate "5\/fortnight"/);
  });
});
