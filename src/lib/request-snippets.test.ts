import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlSnippet, oneWriteCall, shellQuote, TOKEN_PLACEHOLDER } from './request-snippets.ts';

const hostile = 'it\'s "quoted" $(touch /tmp/pwned) `id`\n\u202e';

describe('request snippets', () => {
  it('renders the ONE call for each method', () => {
    expect(
      oneWriteCall({
        method: 'PATCH',
        baseUrl: 'https://alyx.example.org',
        endpoint: 'subjects',
        lookup: 'KS005',
        body: { description: 'new', death_date: null, alive: true, weight: 21.5, users: ['a'] },
      }),
    ).toBe(
      "one.alyx.rest('subjects', 'partial_update', id='KS005', data={'description': 'new', 'death_date': None, 'alive': True, 'weight': 21.5, 'users': ['a']})",
    );
    expect(
      oneWriteCall({ method: 'POST', baseUrl: 'x', endpoint: 'sessions', body: { subject: '0160' } }),
    ).toBe("one.alyx.rest('sessions', 'create', data={'subject': '0160'})");
    expect(oneWriteCall({ method: 'PUT', baseUrl: 'x', endpoint: 'subjects', lookup: "K'S", body: {} })).toBe(
      "one.alyx.rest('subjects', 'update', id='K\\'S', data={})",
    );
  });

  it('masks the token and quotes the URL and body for the shell', () => {
    const curl = curlSnippet({
      method: 'PATCH',
      baseUrl: 'https://alyx.example.org/',
      endpoint: 'subjects',
      lookup: 'a/b c',
      body: { description: hostile },
    });
    expect(curl).toContain(`"Authorization: Token ${TOKEN_PLACEHOLDER}"`);
    expect(curl).toContain("curl -X PATCH 'https://alyx.example.org/subjects/a%2Fb%20c'");
    expect(curl).not.toMatch(/Token [0-9a-f]{20,}/);
  });

  it('a shell reads the quoted body back exactly', () => {
    const body = JSON.stringify({ description: hostile });
    const result = spawnSync('sh', ['-c', `printf %s ${shellQuote(body)}`], { encoding: 'utf8' });
    expect(result.stdout).toBe(body);
  });
});
