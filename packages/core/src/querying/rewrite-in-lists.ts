import { odataError } from './odata-error.js';

/** A `field in (…)` of a filter, taken out before parsing: its field and the literals of its list. */
export interface InList {
  field: string;
  literals: string[];
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Takes each `<field> in (<literal>, …)` out of a filter, replacing it with
 * a placeholder comparison the parser reads (`<field> eq '<marker><n>'`),
 * since the OData parser in use predates 4.01's `in`. String literals are
 * skipped over, so `'a in (b)'` inside quotes stays text.
 *
 * @returns the filter to parse, and the lists by placeholder number
 * @throws AllotError `INVALID_INPUT` naming `$filter` for an `in` without a field or a closed list
 */
export function rewriteInLists(
  filter: string,
  marker: string,
): { filter: string; lists: InList[] } {
  const lists: InList[] = [];
  let out = '';
  let i = 0;
  while (i < filter.length) {
    const ch = filter[i] as string;
    if (ch === "'") {
      const end = stringEnd(filter, i);
      out += filter.slice(i, end);
      i = end;
      continue;
    }
    const keyword = /^\s+in\s*\(/i.exec(filter.slice(i));
    const field = IDENTIFIER.exec(out)?.[0];
    if (keyword !== null && field !== undefined && !/^(and|or|not)$/i.test(field)) {
      const open = i + keyword[0].length - 1;
      const { items, end } = listAt(filter, open);
      out = `${out.slice(0, out.length - field.length)}${field} eq '${marker}${lists.length}'`;
      lists.push({ field, literals: items });
      i = end;
      continue;
    }
    out += ch;
    i += 1;
  }
  return { filter: out, lists };
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i += 1;
  }
  throw odataError('$filter', `a string literal opened at ${start + 1} is not closed`);
}

function listAt(text: string, open: number): { items: string[]; end: number } {
  const items: string[] = [];
  let current = '';
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "'") {
      const end = stringEnd(text, i);
      current += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === ',' || ch === ')') {
      if (current.trim() === '')
        throw odataError('$filter', `an empty item in the list of "in" at ${i + 1}`);
      items.push(current.trim());
      current = '';
      if (ch === ')') return { items, end: i + 1 };
    } else if (ch === '(') {
      throw odataError(
        '$filter',
        `the list of "in" at ${open + 1} holds an expression; use literals`,
      );
    } else current += ch;
    i += 1;
  }
  throw odataError('$filter', `the list of "in" opened at ${open + 1} is not closed`);
}
