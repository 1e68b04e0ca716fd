import { describe, expect, test } from 'vitest';
import { dropTrailingCommas } from './tdo-json-parser.js';

describe('the TDO JSON parser', () => {
  test('drops the commas that close objects and arrays, as the reference prints them', () => {
    expect(
      JSON.parse(dropTrailingCommas('{"a": {"0": "1", "1": "2",\n}, "b": [1, 2 , ] ,}')),
    ).toEqual({
      a: { 0: '1', 1: '2' },
      b: [1, 2],
    });
  });

  test('leaves commas inside strings, escaped quotes included, and every other comma', () => {
    const text = '{"a": "x,}", "b": "q\\",]", "c": [",", "}"]}';
    expect(dropTrailingCommas(text)).toBe(text);
    expect(() => JSON.parse(dropTrailingCommas('{"a": 1,, }'))).toThrow();
    expect(() => JSON.parse(dropTrailingCommas('[,]'))).toThrow();
  });
});
