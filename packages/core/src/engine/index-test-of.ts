import { compileWhereWith } from '../find/compile-where.js';
import type { FindClass } from './find-classes.js';

const compiled = new WeakMap<FindClass, (row: number) => boolean>();

/**
 * A class's find as a test of a row index in its source's table, compiled
 * once per class after the table is read: each column condition is decided
 * once per distinct value of its column, then looked up per row.
 */
export function indexTestOf(cls: FindClass): (row: number) => boolean {
  let test = compiled.get(cls);
  if (test === undefined) {
    const { table, block } = cls.source;
    // The find compiled against these columns when the class was made: no path to report.
    test = compileWhereWith(cls.find.where, block.columns, 'where', (column, cell) =>
      table.column(column).rowTest(cell),
    );
    compiled.set(cls, test);
  }
  return test;
}
