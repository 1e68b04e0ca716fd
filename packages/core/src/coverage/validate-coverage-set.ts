import { childPath } from '../find/child-path.js';
import { describeType, isPlainObject } from '../find/invalid-input.js';
import { CoverageInputError } from './coverage-input-error.js';
import type { AttributeRef, CoverageSetDefinition } from './determining-attribute.js';

/** Every coverage set's name ends so. */
export const COVERAGE_SUFFIX = '_coverage';

/**
 * Checks a coverage set as a client sends it: a name ending in
 * `_coverage`, and one or more determining attributes by name and version,
 * none twice (two versions of one attribute would be one dimension twice).
 *
 * @param path - where the set sits in the request (`entity`), prefixed to error paths
 * @throws CoverageInputError `INVALID_INPUT` naming the first offending field
 */
export function validateCoverageSet(input: unknown, path = ''): CoverageSetDefinition {
  if (!isPlainObject(input))
    throw new CoverageInputError(path, `expected an object, got ${describeType(input)}`);
  const name = input['name'];
  const namePath = childPath(path, 'name');
  if (typeof name !== 'string' || name.trim() === '') {
    throw new CoverageInputError(namePath, 'is required: a non-empty string');
  }
  if (!name.endsWith(COVERAGE_SUFFIX) || name === COVERAGE_SUFFIX) {
    throw new CoverageInputError(
      namePath,
      `must end with "${COVERAGE_SUFFIX}", got ${JSON.stringify(name)}`,
    );
  }
  return {
    name,
    determiningAttributes: validateAttributeRefs(
      input['determiningAttributes'],
      childPath(path, 'determiningAttributes'),
    ),
  };
}

/**
 * Checks the attribute references of a coverage set (also alone, for an
 * update that sends only them).
 *
 * @throws CoverageInputError `INVALID_INPUT` naming the first offending field
 */
export function validateAttributeRefs(input: unknown, path: string): AttributeRef[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new CoverageInputError(
      path,
      `is required: a list of one or more {name, version}, got ${describeType(input)}`,
    );
  }
  const seen = new Set<string>();
  return input.map((item: unknown, index) => {
    const at = childPath(path, index);
    if (!isPlainObject(item))
      throw new CoverageInputError(at, `expected {name, version}, got ${describeType(item)}`);
    const ref = {
      name: requireText(item['name'], childPath(at, 'name')),
      version: requireText(item['version'], childPath(at, 'version')),
    };
    if (seen.has(ref.name))
      throw new CoverageInputError(
        childPath(at, 'name'),
        `names ${JSON.stringify(ref.name)} twice`,
      );
    seen.add(ref.name);
    return ref;
  });
}

function requireText(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CoverageInputError(
      path,
      `is required: a non-empty string, got ${describeType(value)}`,
    );
  }
  return value;
}
