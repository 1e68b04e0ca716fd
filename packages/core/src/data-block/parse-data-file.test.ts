import { describe, expect, it } from 'vitest';
import { AllotError } from '../errors.js';
import { hashSource, parseDataFile } from './parse-data-file.js';

describe('parseDataFile', () => {
  it('picks the parser by extension, in any case', () => {
    expect(parseDataFile('a\n1\n', 'data/c.csv').rows).toEqual([['1']]);
    expect(parseDataFile('a\n1\n', 'C.CSV').rows).toEqual([['1']]);
    expect(parseDataFile('[{"a":1}]', 'c.Json').rows).toEqual([[1]]);
  });

  it('lets an explicit format win over the extension', () => {
    expect(parseDataFile('[{"a":1}]', 'upload.txt', 'json').rows).toEqual([[1]]);
    expect(parseDataFile('a\n1\n', 'upload.json', 'csv').rows).toEqual([['1']]);
  });

  it('rejects an unknown extension as invalid input', () => {
    for (const source of ['c.xlsx', 'c', 'csv']) {
      let caught: unknown;
      try {
        parseDataFile('a\n1\n', source);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AllotError);
      expect((caught as AllotError).code).toBe('INVALID_INPUT');
      expect((caught as AllotError).message).toMatch(new RegExp(`^${source}: .*\\.csv or \\.json`));
    }
  });

  it('passes parse errors through', () => {
    expect(() => parseDataFile('', 'c.csv')).toThrow('c.csv: the file is empty');
  });
});

describe('hashSource', () => {
  it('is the sha256 of the text in hex', () => {
    expect(hashSource('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hashSource('abc')).not.toBe(hashSource('abd'));
  });
});
