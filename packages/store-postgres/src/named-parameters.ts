import { AllotError, LruCache, type Value } from '@allot/core';

/** A statement rewritten for `pg`: positional `$n` placeholders and their values. */
export interface PositionalStatement<V = Value> {
  text: string;
  values: V[];
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** A statement's text with `$n` placeholders and the parameter name of each position. */
export interface NamedStatement {
  text: string;
  /** `names[n - 1]` is the name bound to `$n`. */
  names: readonly string[];
}

/**
 * Statements run again and again with other values (the store's SQL files,
 * a pool's finds), so each text is rewritten once. Bounded, since finds'
 * texts come from pool files.
 */
const rewritten = new LruCache<NamedStatement>(512);

/**
 * Turns `:name` parameters into `$1…$n` and binds their values; values are
 * never interpolated into the text. Positions follow the names' first use
 * in the text, so one statement always gives the same text, whatever the
 * order of `params`. Skips what only looks like a parameter:
 * `::type` casts, string literals, quoted identifiers, dollar-quoted bodies
 * and comments. `keep: false` rewrites a text made for one call (a
 * gathering's statement, built from its finds) without keeping it, so it
 * does not push out the texts that do come back.
 */
export function toPositional<V = Value>(
  sql: string,
  params: Readonly<Record<string, V>>,
  options: { keep?: boolean } = {},
): PositionalStatement<V> {
  const { text, names } = options.keep === false ? rewrite(sql) : namedStatement(sql);
  const values = names.map((name) => {
    if (!Object.hasOwn(params, name)) {
      const given = Object.keys(params);
      throw new AllotError(
        'INVALID_INPUT',
        `the statement uses :${name} but no value is given for it (params: ${given.length === 0 ? 'none' : given.join(', ')})`,
      );
    }
    return params[name] as V;
  });
  return { text, values };
}

/** The rewrite of a statement's text, made on its first use and kept for the next. */
export function namedStatement(sql: string): NamedStatement {
  let statement = rewritten.get(sql);
  if (statement === undefined) {
    statement = rewrite(sql);
    rewritten.set(sql, statement);
  }
  return statement;
}

/** The characters where a parameter, literal, identifier, dollar quote or comment may start. */
const SPECIAL = /['"$:/-]/g;

const DOLLAR_TAG = /\$[A-Za-z_]*\$/y;

function rewrite(sql: string): NamedStatement {
  const names: string[] = [];
  const positions = new Map<string, number>();
  // Text between parameters is copied in runs, not a character at a time:
  // a gathering's statement runs to tens of kilobytes and is rewritten per call.
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  for (;;) {
    SPECIAL.lastIndex = i;
    const special = SPECIAL.exec(sql);
    if (special === null) break;
    i = special.index;
    const skipped = skipOpaque(sql, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    if (sql[i] === ':' && sql[i + 1] === ':') {
      i += 2;
      continue;
    }
    if (sql[i] === ':') {
      NAME.lastIndex = i + 1;
      const match = NAME.exec(sql);
      if (match !== null) {
        let position = positions.get(match[0]);
        if (position === undefined) {
          position = names.push(match[0]);
          positions.set(match[0], position);
        }
        parts.push(sql.slice(copied, i), `$${position}`);
        i += 1 + match[0].length;
        copied = i;
        continue;
      }
    }
    i++;
  }
  parts.push(sql.slice(copied));
  return { text: parts.join(''), names };
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
    DOLLAR_TAG.lastIndex = i;
    const tag = DOLLAR_TAG.exec(sql);
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
