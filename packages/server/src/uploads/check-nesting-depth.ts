import { CST, Lexer } from 'yaml';
import { HttpError } from '../errors/http-error.js';

/**
 * How deeply arrays and objects may nest in a JSON or YAML body. The deepest
 * legitimate body, a pool file, nests well under 20 levels; parsers and
 * everything after them recurse per level, so a far deeper body would only
 * exhaust the stack.
 */
export const MAX_NESTING_DEPTH = 64;

/** The syntax of a body whose nesting is checked. */
export type NestedSyntax = 'json' | 'yaml';

/**
 * Rejects a JSON or YAML text that nests arrays and objects (sequences and
 * mappings) deeper than the limit, without parsing it: a scan with no
 * recursion, so it is safe on any input and stops at the first level too deep.
 *
 * @throws HttpError `BODY_TOO_DEEP` naming the limit
 */
export function checkNestingDepth(
  text: string,
  syntax: NestedSyntax,
  limit = MAX_NESTING_DEPTH,
): void {
  const tooDeep = syntax === 'json' ? jsonNestsDeeper(text, limit) : yamlNestsDeeper(text, limit);
  if (tooDeep) {
    throw new HttpError(
      'BODY_TOO_DEEP',
      `the ${syntax === 'json' ? 'JSON' : 'YAML'} body nests arrays or objects deeper than ${limit} levels`,
      'body',
    );
  }
}

/** Counts brackets outside strings; a malformed text is left for the parser to reject. */
function jsonNestsDeeper(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Follows the tokens of yaml's lexer, which does not recurse (its parser and
 * composer do). Flow collections count their brackets; block collections
 * count the columns of the open sequences and mappings: a node at a column
 * closes every collection at that column or right of it.
 */
function yamlNestsDeeper(text: string, limit: number): boolean {
  const columns: number[] = []; // columns of the open block collections, increasing
  let flow = 0;
  let column = 0;
  let nodeColumn = 0; // where the last node of block context started
  let sourceFollows = false;
  let blockScalarBody = false;
  for (const token of new Lexer().lex(text)) {
    const start = column;
    if (sourceFollows) {
      // The text of a plain or block scalar, which can hold any character.
      column = columnAfter(token, column);
      sourceFollows = false;
      continue;
    }
    const type = CST.tokenType(token);
    // The lexer's control tokens mark what follows; they are not in the text.
    if (!CONTROL_TOKENS.has(token)) column = columnAfter(token, column);
    if (type === 'scalar') {
      sourceFollows = true;
      if (blockScalarBody) {
        // A block scalar's body starts on a later line but belongs to its header's node.
        blockScalarBody = false;
        continue;
      }
    }
    if (type === 'block-scalar-header') blockScalarBody = true;
    if (type === 'doc-start' || type === 'doc-mode') {
      columns.length = 0;
      flow = 0;
      continue;
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (flow === 0) closeAt(columns, (nodeColumn = start));
      if (columns.length + ++flow > limit) return true;
      continue;
    }
    if (type === 'flow-seq-end' || type === 'flow-map-end') {
      flow = Math.max(0, flow - 1);
      continue;
    }
    if (flow > 0 || !startsNode(type)) {
      if (flow === 0 && type === 'map-value-ind' && columns.at(-1) !== nodeColumn) {
        // `key:` opens a mapping where its key started.
        columns.push(nodeColumn);
        if (columns.length > limit) return true;
      }
      continue;
    }
    closeAt(columns, (nodeColumn = start));
    if (type === 'seq-item-ind' || type === 'explicit-key-ind') {
      columns.push(start);
      if (columns.length > limit) return true;
    }
  }
  return false;
}

const CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** Tokens that begin a node, or an entry of a block collection, in block context. */
function startsNode(type: ReturnType<typeof CST.tokenType>): boolean {
  return (
    type === 'scalar' ||
    type === 'single-quoted-scalar' ||
    type === 'double-quoted-scalar' ||
    type === 'block-scalar-header' ||
    type === 'alias' ||
    type === 'seq-item-ind' ||
    type === 'explicit-key-ind'
  );
}

function closeAt(columns: number[], column: number): void {
  while (columns.length > 0 && (columns.at(-1) ?? 0) >= column) columns.pop();
}

function columnAfter(token: string, column: number): number {
  const newline = token.lastIndexOf('\n');
  return newline === -1 ? column + token.length : token.length - newline - 1;
}
