import { TABLE_FORMATS } from '@allot/core';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from './export.js';

describe('command definitions that repeat core lists', () => {
  it("offers core's table formats for allot export", () => {
    expect([...EXPORT_FORMATS]).toEqual([...TABLE_FORMATS]);
  });
});
