import { describe, expect, it } from 'vitest';
import { curlCommand } from './curl.ts';

describe('curlCommand', () => {
  it('a GET with the token masked', () => {
    expect(
      curlCommand({ method: 'GET', url: 'https://alyx.org/sessions?subject=KS005', withToken: true }),
    ).toBe(
      "curl 'https://alyx.org/sessions?subject=KS005' -H 'Accept: application/json' -H 'Authorization: Token ***'",
    );
  });

  it('a PATCH with a body that needs shell quoting', () => {
    const command = curlCommand({
      method: 'PATCH',
      url: 'https://alyx.org/subjects/KS005',
      body: `{"description": "it's $HOME"}`,
      withToken: false,
    });
    expect(command).toBe(
      `curl -X PATCH 'https://alyx.org/subjects/KS005' -H 'Accept: application/json' -H 'Content-Type: application/json' --data-raw '{"description": "it'\\''s $HOME"}'`,
    );
  });

  it('sends no body with OPTIONS', () => {
    expect(
      curlCommand({ method: 'OPTIONS', url: 'https://a/x', body: '{"a":1}', withToken: true }),
    ).not.toContain('data-raw');
  });
});

describe('curlCommand masks secrets typed into the request, as the deep link does', () => {
  it('a secret-named query value and body value become ***', () => {
    const command = curlCommand({
      method: 'POST',
      url: 'https://alyx.org/subjects?token=abc123&limit=1',
      body: '{"nickname": "x", "auth_token": "abc123", "nested": {"password": "hunter2"}}',
      withToken: true,
    });
    expect(command).not.toContain('abc123');
    expect(command).not.toContain('hunter2');
    expect(command).toContain('limit=1');
    expect(command).toContain('"nickname":"x"');
    expect(command).toContain('"auth_token":"***"');
  });
});
