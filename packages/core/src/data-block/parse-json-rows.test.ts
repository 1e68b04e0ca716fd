import { describe, expect, it } from 'vitest';
import { failure } from '../testing/failure.js';
import { parseJsonRows } from './parse-json-rows.js';

describe('parseJsonRows', () => {
  it('takes columns in first-seen order and fills missing keys with null', () => {
    const input = JSON.stringify([
      { id: 1, email: 'a@x.io' },
      { email: 'b@x.io', active: true, id: 2 },
      { id: 3, note: null },
    ]);
    expect(parseJsonRows(input, 'c.json')).toEqual({
      columns: ['id', 'email', 'active', 'note'],
      rows: [
        [1, 'a@x.io', null, null],
        [2, 'b@x.io', true, null],
        [3, null, null, null],
      ],
    });
  });

  it('keeps value types', () => {
    const table = parseJsonRows('[{"s":"1","n":1.5,"b":false,"z":null}]', 'c.json');
    expect(table.rows).toEqual([['1', 1.5, false, null]]);
  });

  it('accepts a BOM', () => {
    expect(parseJsonRows('\ufeff[{"a":1}]', 'c.json').columns).toEqual(['a']);
  });

  it('does not read keys from the prototype', () => {
    const table = parseJsonRows('[{"a":1},{"constructor":"x"}]', 'c.json');
    expect(table.rows).toEqual([
      [1, null],
      [null, 'x'],
    ]);
  });

  it('rejects invalid JSON with the parser message', () => {
    const error = failure(() => parseJsonRows('[{"a":1},', 'bad.json'));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/^bad\.json: invalid JSON: ./);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('rejects anything but a non-empty array', () => {
    for (const input of ['{"rows":[]}', '"x"', 'null', '[]']) {
      const error = failure(() => parseJsonRows(input, 'c.json'));
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toMatch(/^c\.json: /);
    }
    expect(failure(() => parseJsonRows('[]', 'c.json')).message).toContain('no rows');
    expect(failure(() => parseJsonRows('{}', 'c.json')).message).toContain('an object');
  });

  it('rejects an item that is not an object, naming its index', () => {
    const error = failure(() => parseJsonRows('[{"a":1},[1,2]]', 'c.json'));
    expect(error.message).toBe('c.json: [1]: expected an object, got an array');
  });

  it('rejects nested values, naming the row index and key', () => {
    const rows = Array.from({ length: 13 }, (_, i) => ({ id: i }));
    const input = JSON.stringify([...rows.slice(0, 12), { id: 12, address: { city: 'Oslo' } }]);
    const error = failure(() => parseJsonRows(input, 'c.json'));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toContain('[12].address');
    expect(error.message).toContain('got an object');
    expect(error.details).toMatchObject({ path: '[12].address' });
    expect(failure(() => parseJsonRows('[{"tags":["a"]}]', 'c.json')).message).toContain(
      '[0].tags: expected a string, number, boolean or null, got an array',
    );
  });

  it('rejects an empty key and rows without any key', () => {
    expect(failure(() => parseJsonRows('[{"":1}]', 'c.json')).message).toContain(
      '[0]: a key is empty',
    );
    expect(failure(() => parseJsonRows('[{},{}]', 'c.json')).message).toContain('no columns');
  });
});
