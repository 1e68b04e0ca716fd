import { EXPORT_FORMAT_NAMES } from '@allot/core';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from './export.js';

describe('command definitions that repeat core lists', () => {
  it("offers every one of core's export formats for allot export", () => {
    expect([...EXPORT_FORMATS]).toEqual([...EXPORT_FORMAT_NAMES]);
  });
});
