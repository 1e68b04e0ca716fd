import { describe, expect, test } from 'vitest';
import { checkNestingDepth, MAX_NESTING_DEPTH } from './check-nesting-depth.js';

const depthOf = (check: () => void) => {
  try {
    check();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};
const json = (text: string, limit?: number) =>
  depthOf(() => checkNestingDepth(text, 'json', limit));
const yaml = (text: string, limit?: number) =>
  depthOf(() => checkNestingDepth(text, 'yaml', limit));

describe('checkNestingDepth', () => {
  test('JSON: the limit itself passes, one level more is BODY_TOO_DEEP naming the limit', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(json(nested(MAX_NESTING_DEPTH))).toBe('ok');
    expect(json(nested(MAX_NESTING_DEPTH + 1))).toBe('BODY_TOO_DEEP');
    expect(json('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))).toBe('BODY_TOO_DEEP');
    expect(() => checkNestingDepth(nested(100), 'json')).toThrow(/deeper than 64 levels/);
  });

  test('JSON: brackets inside strings, escaped quotes included, do not count', () => {
    expect(json(`["${'['.repeat(100)}", "a\\"${'{'.repeat(100)}"]`)).toBe('ok');
    expect(json(`[["\\\\"], ${'['.repeat(3)}]]]]`, 4)).toBe('ok');
    expect(json(`[["\\\\"], ${'['.repeat(4)}]]]]]`, 4)).toBe('BODY_TOO_DEEP');
  });

  test('YAML: flow collections, compact sequences and indentation all count', () => {
    expect(yaml('['.repeat(5000) + ']'.repeat(5000))).toBe('BODY_TOO_DEEP');
    expect(yaml('{a: '.repeat(65) + '1' + '}'.repeat(65))).toBe('BODY_TOO_DEEP');
    expect(yaml('{a: '.repeat(64) + '1' + '}'.repeat(64))).toBe('ok');
    expect(yaml('- '.repeat(5000) + 'x')).toBe('BODY_TOO_DEEP');
    expect(yaml('- '.repeat(64) + 'x')).toBe('ok');
    const mappings = (n: number) =>
      Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' end';
    expect(yaml(mappings(64))).toBe('ok');
    expect(yaml(mappings(65))).toBe('BODY_TOO_DEEP');
    // Block levels and flow levels add up.
    expect(yaml(`a:\n  b:\n    c: ${'['.repeat(62)}${']'.repeat(62)}`)).toBe('BODY_TOO_DEEP');
    expect(yaml(`a:\n  b:\n    c: ${'['.repeat(61)}${']'.repeat(61)}`)).toBe('ok');
  });

  test('YAML: sibling entries close deeper ones; scalars and comments hold any bracket', () => {
    const siblings = Array.from({ length: 500 }, (_, i) => `- item: ${i}\n  tags: [a, b]`).join(
      '\n',
    );
    expect(yaml(siblings, 3)).toBe('ok');
    const text = [
      `note: "${'['.repeat(200)}"`,
      `other: '${'{'.repeat(200)}'`,
      `plain: a${'['.repeat(200)}`,
      `# ${'['.repeat(200)}`,
      'body: |',
      `  ${'['.repeat(200)}`,
      `  - - - - - - -`,
      'after: 1',
    ].join('\n');
    expect(yaml(text, 2)).toBe('ok');
  });

  test('YAML: a block scalar between levels does not hide the levels around it', () => {
    // Each line opens a deeper sequence; block scalars in between must not reset the count.
    const lines: string[] = [];
    for (let i = 0; i < 100; i++) {
      lines.push(`${' '.repeat(2 * i)}- - |`, `${' '.repeat(2 * i + 6)}text`);
    }
    expect(yaml(lines.join('\n'))).toBe('BODY_TOO_DEEP');
  });

  test('a realistic pool file passes with room to spare', () => {
    const pool = [
      'pool: shop',
      'key: id',
      'blocks: [customers]',
      'tests:',
      '  - suite: checkout',
      '    test: pays in Germany',
      '    find:',
      '      where: { status: active, country: [DE, AT], balance: { gt: 10 } }',
      '    columns: [id, email]',
    ].join('\n');
    expect(yaml(pool, 8)).toBe('ok');
    expect(json(JSON.stringify({ tests: [{ find: { where: { a: { in: [1] } } } }] }), 7)).toBe(
      'ok',
    );
  });
});
