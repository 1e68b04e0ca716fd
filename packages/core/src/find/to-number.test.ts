import { describe, expect, it } from 'vitest';
import { toNumber } from './to-number.js';

describe('toNumber', () => {
  it('reads plain decimals and numbers', () => {
    expect(toNumber('100')).toBe(100);
    expect(toNumber('-1.5')).toBe(-1.5);
    expect(toNumber('+2')).toBe(2);
    expect(toNumber('.5')).toBe(0.5);
    expect(toNumber('1.')).toBe(1);
    expect(toNumber('1e3')).toBe(1000);
    expect(toNumber('0')).toBe(0);
    expect(toNumber('007')).toBe(7);
    expect(toNumber(42)).toBe(42);
  });

  it('gives NaN for everything else', () => {
    for (const cell of [
      '',
      ' ',
      ' 1',
      '1 ',
      '0x10',
      '0b1',
      '0o7',
      'Infinity',
      '1e999',
      'abc',
      '1,5',
      '-',
      null,
      undefined,
      true,
    ]) {
      expect(toNumber(cell)).toBeNaN();
    }
  });
});
