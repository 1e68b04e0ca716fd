import { describe, expect, it } from 'vitest';
import { CoverageInputError } from './coverage-input-error.js';
import { validateCoverageSet } from './validate-coverage-set.js';

describe('validateCoverageSet', () => {
  it("accepts the reference's coverage set", () => {
    const set = {
      name: 'api_demo_coverage',
      determiningAttributes: [
        { name: 'acct_type', version: '1.0' },
        { name: 'has_app', version: '1.0' },
      ],
    };
    expect(validateCoverageSet(set, 'entity')).toEqual(set);
  });

  it.each([
    [{ name: 'api_demo', determiningAttributes: [{ name: 'a', version: '1.0' }] }, 'entity.name'],
    [{ name: '_coverage', determiningAttributes: [{ name: 'a', version: '1.0' }] }, 'entity.name'],
    [{ determiningAttributes: [{ name: 'a', version: '1.0' }] }, 'entity.name'],
    [{ name: 'x_coverage' }, 'entity.determiningAttributes'],
    [{ name: 'x_coverage', determiningAttributes: [] }, 'entity.determiningAttributes'],
    [
      { name: 'x_coverage', determiningAttributes: [{ name: 'a' }] },
      'entity.determiningAttributes[0].version',
    ],
    [
      {
        name: 'x_coverage',
        determiningAttributes: [
          { name: 'a', version: '1.0' },
          { name: 'a', version: '1.1' },
        ],
      },
      'entity.determiningAttributes[1].name',
    ],
  ])('refuses %j at %s', (input, path) => {
    expect(() => validateCoverageSet(input, 'entity')).toThrow(CoverageInputError);
    try {
      validateCoverageSet(input, 'entity');
    } catch (error) {
      expect((error as CoverageInputError).path).toBe(path);
    }
  });
});
