import { nextVersion } from '../data-block/next-version.js';
import { AllotError } from '../errors.js';
import type { CatalogueVersionScheme } from './catalogue-record.js';

const VERSION = /^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){1,2}$/;

/**
 * The parts of a catalogue version label (`1.10` → [1, 10]), or undefined
 * when it is not one the catalogue gives: an adapter orders versions by them.
 */
export function catalogueVersionParts(version: string): number[] | undefined {
  return VERSION.test(version) ? version.split('.').map(Number) : undefined;
}

/** The scheme a version label follows. */
export function catalogueSchemeOf(version: string): CatalogueVersionScheme {
  return version.split('.').length === 3 ? 'three-part' : 'two-part';
}

/**
 * The version after `latest` (the first one, 1.0 or 1.0.0, when there is
 * none): the last part goes up by one, as data block versions do, so 1.9
 * is followed by 1.10. A name keeps the scheme of its first version.
 *
 * @throws {@link AllotError} `INVALID_INPUT` when `scheme` is not the name's scheme.
 */
export function nextCatalogueVersion(
  latest: string | undefined,
  scheme: CatalogueVersionScheme | undefined,
): string {
  if (latest === undefined) return scheme === 'three-part' ? '1.0.0' : '1.0';
  const current = catalogueSchemeOf(latest);
  if (scheme !== undefined && scheme !== current) {
    throw new AllotError(
      'INVALID_INPUT',
      `versions of this name are numbered ${current} (latest ${latest}), not ${scheme}`,
      { field: 'scheme', latest },
    );
  }
  return nextVersion(latest);
}
