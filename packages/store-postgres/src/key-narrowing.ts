import { toNumber, type CandidateQuery } from '@allot/core';

/**
 * What a find's filter says of the key cell, enough to read its rows
 * through the key index instead of every row of the version: the keys it
 * can equal, or a prefix every key it selects starts with.
 */
export type KeyNarrowing = { keys: string[] } | { prefix: string };

/**
 * The narrowing a filter's top level puts on the key column, or undefined.
 * Only conditions whose SQL compares the cell's text exactly are used, so
 * the rows the index gives hold every row the filter selects (the filter is
 * still evaluated on them): a string that is no number (`"5"` also equals a
 * number cell `5.0`), `eq` and `in` of such strings (none empty, none a
 * boolean word, which any case matches), and `startsWith`.
 */
export function keyNarrowing(
  where: CandidateQuery['where'],
  columns: readonly string[],
  keyIndex: number,
): KeyNarrowing | undefined {
  const name = columns[keyIndex];
  if (where === undefined || name === undefined || ['and', 'or', 'not'].includes(name)) return;
  const condition = (where as Record<string, unknown>)[name];
  if (typeof condition === 'string') return exact([condition]);
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return;
  const operators = condition as Record<string, unknown>;
  const { startsWith, eq } = operators;
  if (typeof startsWith === 'string' && startsWith !== '' && !startsWith.includes('\u0000'))
    return { prefix: startsWith };
  if (typeof eq === 'string') return exact([eq]);
  if (Array.isArray(operators.in) && operators.in.length > 0) {
    const strings = operators.in.filter((value): value is string => typeof value === 'string');
    if (strings.length === operators.in.length) return exact(strings);
  }
  return undefined;
}

const BOOLEAN_WORD = /^(true|false)$/i;

function exact(keys: string[]): KeyNarrowing | undefined {
  for (const key of keys) {
    if (key === '' || key.includes('\u0000') || BOOLEAN_WORD.test(key)) return undefined;
    // A string that is a number's text also equals a number cell written otherwise.
    if (!Number.isNaN(toNumber(key))) return undefined;
  }
  return { keys: [...new Set(keys)] };
}

/** A `LIKE` pattern matching the strings that start with `prefix`, with `\` as the escape. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
