import { parseCsv } from '@allot/core';
import { describe, expect, it } from 'vitest';
import { csvField, writeCsv } from './csv-writer.js';

describe('writeCsv', () => {
  it('quotes only the fields that need it, as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(false)).toBe('false');
  });

  it('writes what the importer reads back unchanged', () => {
    const rows = [
      ['1', 'Washington, D.C.', 'x'],
      ['2', 'The "Big" Apple', 'line\r\nbreak'],
    ];
    const text = writeCsv(['id', 'city', 'note'], rows);
    expect(parseCsv(text, 'round-trip.csv')).toEqual({ columns: ['id', 'city', 'note'], rows });
  });
});
