import { describe, expect, it } from 'vitest';
import {
  catalogueSchemeOf,
  catalogueVersionParts,
  nextCatalogueVersion,
} from './catalogue-version.js';

describe('catalogue versions', () => {
  it('starts at 1.0 or 1.0.0 and raises the last part, past 9', () => {
    expect(nextCatalogueVersion(undefined, undefined)).toBe('1.0');
    expect(nextCatalogueVersion(undefined, 'three-part')).toBe('1.0.0');
    expect(nextCatalogueVersion('1.9', undefined)).toBe('1.10');
    expect(nextCatalogueVersion('2.0.9', 'three-part')).toBe('2.0.10');
  });

  it('keeps a name in the scheme of its first version', () => {
    expect(() => nextCatalogueVersion('1.0', 'three-part')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => nextCatalogueVersion('1.0.0', 'two-part')).toThrow(/three-part/);
    expect(catalogueSchemeOf('1.0.0')).toBe('three-part');
  });

  it('reads the parts of the labels it gives, and nothing else', () => {
    expect(catalogueVersionParts('1.10')).toEqual([1, 10]);
    expect(catalogueVersionParts('1.0.3')).toEqual([1, 0, 3]);
    for (const label of ['1', '1.0.0.0', '01.0', '1.x', ''])
      expect(catalogueVersionParts(label), label).toBeUndefined();
  });
});
