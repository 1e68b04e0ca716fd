import { describe, expect, it } from 'vitest';
import { playwrightTestNames } from './playwright-names.js';

describe('playwrightTestNames', () => {
  const path = ['checkout/pay.spec.ts', 'saved card', 'gold', 'pays'];

  it('names the suite after the file by default, the test after describes and title', () => {
    expect(playwrightTestNames(path)).toEqual({
      suite: 'checkout/pay.spec.ts',
      test: 'saved card > gold > pays',
    });
  });

  it('names the suite after the describe path', () => {
    expect(playwrightTestNames(path, 'describe')).toEqual({
      suite: 'saved card > gold',
      test: 'pays',
    });
    expect(playwrightTestNames(['a.spec.ts', 'top level'], 'describe')).toEqual({
      suite: 'a.spec.ts',
      test: 'top level',
    });
  });

  it('uses a fixed suite name', () => {
    expect(playwrightTestNames(path, { name: 'e2e' })).toEqual({
      suite: 'e2e',
      test: 'saved card > gold > pays',
    });
  });

  it('uses forward slashes in file paths', () => {
    expect(playwrightTestNames(['checkout\\pay.spec.ts', 'pays']).suite).toBe(
      'checkout/pay.spec.ts',
    );
  });

  it('rejects a path without a title', () => {
    expect(() => playwrightTestNames(['a.spec.ts'])).toThrow(/file and the title/);
  });
});
