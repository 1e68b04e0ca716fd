import { AllotError, type Value } from '@allot/core';

/** A statement rewritten for `pg`: positional `$n` placeholders and their values. */
export interface PositionalStatement<V = Value> {
  text: string;
  values: V[];
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Turns `:name` parameters into `$1…$n` and binds their values; values are
 * never interpolated into the text. Positions follow the names' first use
 * in the text, so one statement always gives the same text, whatever the
 * order of `params`. Skips what only looks like a parameter:
 * `::type` casts, string literals, quoted identifiers, dollar-quoted bodies
 * and comments.
 */
export function toPositional<V = Value>(
  sql: string,
  params: Readonly<Record<string, V>>,
): PositionalStatement<V> {
  const positions = new Map<string, number>();
  const values: V[] = [];
  let text = '';
  let i = 0;
  while (i < sql.length) {
    const skipped = skipOpaque(sql, i);
    if (skipped > i) {
      text += sql.slice(i, skipped);
      i = skipped;
      continue;
    }
    const char = sql[i];
    if (char === ':' && sql[i + 1] === ':') {
      text += '::';
      i += 2;
      continue;
    }
    if (char === ':') {
      NAME.lastIndex = i + 1;
      const match = NAME.exec(sql);
      if (match !== null) {
        text += `$${position(match[0], params, positions, values)}`;
        i += 1 + match[0].length;
        continue;
      }
    }
    text += char;
    i++;
  }
  return { text, values };
}

function position<V>(
  name: string,
  params: Readonly<Record<string, V>>,
  positions: Map<string, number>,
  values: V[],
): number {
  const known = positions.get(name);
  if (known !== undefined) return known;
  if (!Object.hasOwn(params, name)) {
    const given = Object.keys(params);
    throw new AllotError(
      'INVALID_INPUT',
      `the statement uses :${name} but no value is given for it (params: ${given.length === 0 ? 'none' : given.join(', ')})`,
    );
  }
  values.push(params[name] as V);
  positions.set(name, values.length);
  return values.length;
}

/** The end of a literal, quoted identifier, dollar-quoted body or comment starting at `i`, else `i`. */
function skipOpaque(sql: string, i: number): number {
  const char = sql[i];
  if (char === "'" || char === '"') return closing(sql, i + 1, char);
  if (char === '-' && sql[i + 1] === '-') return lineEnd(sql, i);
  if (char === '/' && sql[i + 1] === '*') {
    const end = sql.indexOf('*/', i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  if (char === '$') {
    const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
    if (tag !== null) {
      const end = sql.indexOf(tag[0], i + tag[0].length);
      return end < 0 ? sql.length : end + tag[0].length;
    }
  }
  return i;
}

function closing(sql: string, from: number, quote: string): number {
  let i = from;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote)
        i += 2; // a doubled quote stays inside
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

function lineEnd(sql: string, from: number): number {
  const end = sql.indexOf('\n', from);
  return end < 0 ? sql.length : end;
}
