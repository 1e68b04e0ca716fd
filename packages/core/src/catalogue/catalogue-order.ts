import type { CatalogueRecord } from './catalogue-record.js';
import { compareVersions } from '../data-block/next-version.js';

/** Compares texts by code point, as PostgreSQL's "C" collation does, so every adapter lists alike. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order of a catalogue listing, the same in every adapter: records of
 * no project first, then by project, name (by code point) and version
 * (oldest first, 1.2 before 1.10).
 */
export function compareCatalogueRecords(a: CatalogueRecord, b: CatalogueRecord): number {
  if (a.project !== b.project) {
    if (a.project === null) return -1;
    if (b.project === null) return 1;
    return byCodePoint(a.project, b.project);
  }
  return byCodePoint(a.name, b.name) || compareVersions(a.version, b.version);
}
