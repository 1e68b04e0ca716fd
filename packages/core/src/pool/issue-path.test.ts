import { describe, expect, it } from 'vitest';
import { formatPath, parseIssuePath, pointerSegments } from './issue-path.js';

describe('formatPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatPath(['tests', 3, 'find', 'where', 'balance'])).toBe(
      'tests[3].find.where.balance',
    );
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['make', 'columns', 'first name'])).toBe('make.columns["first name"]');
    expect(formatPath(['my key'])).toBe('["my key"]');
  });

  it('formats the root as an empty path', () => {
    expect(formatPath([])).toBe('');
  });
});

describe('pointerSegments', () => {
  it('tells array indexes from keys made of digits', () => {
    const data = { tests: [{ where: { '7': 1 } }] };
    expect(pointerSegments('/tests/0/where/7', data)).toEqual(['tests', 0, 'where', '7']);
  });

  it('unescapes JSON Pointer tokens', () => {
    expect(pointerSegments('/a~1b/c~0d', {})).toEqual(['a/b', 'c~d']);
  });
});

describe('parseIssuePath', () => {
  it('reads back what formatPath writes', () => {
    for (const segments of [
      ['tests', 3, 'find', 'where', 'balance'],
      ['tests', 0, 'make', 'columns', 'first name'],
      ['my key', 2],
      ['where', 'and', 0, 'a"b'],
      [],
    ]) {
      expect(parseIssuePath(formatPath(segments))).toEqual(segments);
    }
  });

  it('keeps what it could read of a path it cannot read to the end', () => {
    expect(parseIssuePath('tests[2].make.columns.first name')).toEqual([
      'tests',
      2,
      'make',
      'columns',
      'first',
    ]);
  });
});
