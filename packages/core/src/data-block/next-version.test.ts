import { describe, expect, it } from 'vitest';
import { compareVersions, nextVersion } from './next-version.js';

describe('nextVersion', () => {
  it('starts at 1.0 and bumps the last part as a number', () => {
    expect(nextVersion(null)).toBe('1.0');
    expect(nextVersion('1.0')).toBe('1.1');
    expect(nextVersion('1.9')).toBe('1.10');
    expect(nextVersion('1.10')).toBe('1.11');
    expect(nextVersion('2.99')).toBe('2.100');
  });

  it('rejects something that is not a version', () => {
    for (const bad of ['', 'v1.0', '1.', '1.x']) {
      expect(() => nextVersion(bad)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});

describe('compareVersions', () => {
  it('compares part by part as numbers', () => {
    expect(compareVersions('1.9', '1.10')).toBeLessThan(0);
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0', '1.99')).toBeGreaterThan(0);
    expect(compareVersions('1.2', '1.2')).toBe(0);
    expect(compareVersions('1', '1.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.1')).toBeLessThan(0);
  });

  it('sorts a list of versions', () => {
    expect(['1.10', '1.2', '1.0', '2.0', '1.9'].sort(compareVersions)).toEqual([
      '1.0',
      '1.2',
      '1.9',
      '1.10',
      '2.0',
    ]);
  });
});
