import { ROLES } from '@allot/core';
import { describe, expect, it } from 'vitest';
import { KEY_ROLES } from './keys.js';

describe('allot keys create --role', () => {
  it("offers core's roles", () => {
    expect([...KEY_ROLES]).toEqual([...ROLES]);
  });
});
