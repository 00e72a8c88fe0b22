import { describe, expect, it } from 'vitest';
import { INSTANCE_COLORS, instanceColor } from './instance-kind.ts';

describe('instance kinds and colours', () => {
  it('draws production red whatever it says, and keeps red for production alone', () => {
    expect(instanceColor({ kind: 'production' })).toBe('red');
    expect(instanceColor({ kind: 'production', color: 'teal' })).toBe('red');
    expect(instanceColor({ kind: 'staging' })).toBe('grape');
    expect(instanceColor({ kind: 'test', color: 'green' })).toBe('green');
    expect(instanceColor({ kind: 'sandbox' })).toBeUndefined();
    expect(INSTANCE_COLORS).not.toContain('red');
  });
});
