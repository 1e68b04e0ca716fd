import { describe, expect, it } from 'vitest';
import { failure } from '../testing/failure.js';
import { compilePattern } from './pattern-generator.js';
import { RandomSource } from './random-source.js';

describe('compilePattern', () => {
  it.each([
    '^[A-Z]{2}[0-9]{2}[A-Z0-9]{12,20}$',
    '^\\+[0-9]{1,3}-\\d{3}-\\d{3}-\\d{4}$',
    '^(?:ACC|SAV)-\\d+(\\.\\d{2})?$',
    '^[^a-z]{3}x?y*z+$',
    '^(?<year>19|20)\\d{2}-(0[1-9]|1[0-2])$',
    '^\\w+@\\w+\\.(com|org)$',
    '^a.b\\s\\S\\D\\W[\\d_-]$',
    '^\\u00e9\\x41[\\-.]{2,}$',
  ])('makes strings that match /%s/', (pattern) => {
    const generate = compilePattern(pattern, 'f');
    const random = new RandomSource('pattern', pattern);
    const regex = new RegExp(pattern, 'u');
    for (let i = 0; i < 300; i++) {
      const value = generate(random);
      expect(regex.test(value), `${value} against /${pattern}/`).toBe(true);
    }
  });

  it('gives the same strings for the same seed', () => {
    const generate = compilePattern('[a-f0-9]{8}', 'f');
    const run = () =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            generate(r)
        )(new RandomSource('s')),
      );
    expect(run()).toEqual(run());
  });

  it.each([
    ['^(?=a)a$', 'lookaround'],
    ['^(a)\\1$', 'escape \\1'],
    ['^\\bword$', 'escape \\b'],
    ['^\\p{L}$', 'escape \\p'],
    ['[a-z-[aeiou]]', 'class subtraction'],
  ])('refuses /%s/ naming %s', (pattern, what) => {
    const error = failure(() => compilePattern(pattern, 'code'));
    expect(error.code).toBe('UNSUPPORTED_SCHEMA');
    expect(error.message).toContain(what);
    expect(error.details.path).toBe('code');
  });
});
