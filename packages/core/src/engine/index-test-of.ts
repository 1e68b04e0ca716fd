import { hasRow } from '../data-block/row-bits.js';
import type { FindClass } from './find-classes.js';
import { qualifyingRowsOf } from './qualifying-rows-of.js';

const compiled = new WeakMap<FindClass, (row: number) => boolean>();

/**
 * A class's find as a test of a row index in its source's table: a lookup
 * in the class's {@link qualifyingRowsOf} set, computed on first use.
 */
export function indexTestOf(cls: FindClass): (row: number) => boolean {
  let test = compiled.get(cls);
  if (test === undefined) {
    const bits = qualifyingRowsOf(cls);
    test = (row) => hasRow(bits, row);
    compiled.set(cls, test);
  }
  return test;
}
