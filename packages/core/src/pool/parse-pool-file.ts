import { extname } from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { PoolValidationError } from '../errors.js';
import type { PoolDefinition } from '../model/pool-definition.js';
import { parseIssuePath } from './issue-path.js';
import type { PathSegment } from './issue-path.js';
import { locateLine } from './locate-line.js';
import { validatePool } from './validate-pool.js';

// yaml is required with the first pool file read, so a command that reads none never loads it.
const require = createRequire(import.meta.url);
const yaml = (): typeof Yaml => require('yaml') as typeof Yaml;

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** A valid pool file: its pool, and where its parts are, for checks that come later. */
export interface ParsedPoolFile {
  pool: PoolDefinition;
  /**
   * The 1-based line of a path inside the file, as issues write it
   * (`tests[2].find.where.status`): the line of the deepest part found.
   */
  lineOf(path: string): number;
}

/**
 * Parses and validates a pool file (YAML, or JSON, which YAML reads too).
 * Every issue carries the path inside the file and the 1-based line of the
 * offending node; block files are resolved against the file's folder.
 *
 * @param file - the file's path: picks the format by extension and names the file in errors
 * @throws PoolValidationError for an unsupported extension, a syntax error
 *   or a pool that breaks the schema or the pool rules
 */
export function parsePoolFile(text: string, file: string): PoolDefinition {
  return parsePoolSource(text, file).pool;
}

/**
 * {@link parsePoolFile}, keeping the lines of the file's parts, so that the
 * checks against the blocks' columns (which need a store) can say where a
 * problem is too.
 */
export function parsePoolSource(text: string, file: string): ParsedPoolFile {
  const extension = extname(file).toLowerCase();
  if (!EXTENSIONS.has(extension)) {
    const message = `unsupported pool file extension "${extension}"; expected .yaml, .yml or .json`;
    throw new PoolValidationError(file, [{ path: '', message }]);
  }
  const { LineCounter: LineCounterClass, parseDocument } = yaml();
  const counter = new LineCounterClass();
  // prettyErrors off: issue messages stay one line, the line number travels separately.
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const line = counter.linePos(syntax.pos[0]).line;
    throw new PoolValidationError(file, [
      { path: '', message: `syntax error: ${syntax.message}`, line },
    ]);
  }
  const value = toValue(document, counter, file);
  // An empty document has no nodes to point at: its problems are on its first line.
  const locate = (segments: readonly PathSegment[]) => locateLine(document, counter, segments) ?? 1;
  const pool = validatePool(value, file, locate);
  return { pool, lineOf: (path) => locate(parseIssuePath(path)) };
}

function toValue(document: Document, counter: LineCounter, file: string): unknown {
  try {
    return document.toJS();
  } catch (error) {
    // Unresolved or excessive aliases only fail when values are built.
    const message = error instanceof Error ? error.message : String(error);
    const line = aliasLine(document, counter);
    throw new PoolValidationError(file, [
      { path: '', message: `syntax error: ${message}`, ...(line === undefined ? {} : { line }) },
    ]);
  }
}

/** The line of the first alias that points nowhere, else of the first alias: where a failed build of values starts. */
function aliasLine(document: Document, counter: LineCounter): number | undefined {
  let first: number | undefined;
  let unresolved: number | undefined;
  const { visit } = yaml();
  visit(document, {
    Alias(_key, alias) {
      const start = alias.range?.[0];
      if (start === undefined) return undefined;
      first ??= start;
      if (alias.resolve(document) === undefined) {
        unresolved = start;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const offset = unresolved ?? first;
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/**
 * Validates a pool that arrives as a value (through the API) with the same
 * schema and rules as a pool file, without line numbers.
 *
 * @param file - the file the pool came from, if any: block files are resolved
 *   against its folder; with null they are kept as given
 * @throws PoolValidationError listing every issue
 */
export function validatePoolObject(value: unknown, file: string | null): PoolDefinition {
  // A copy, so the caller's object never ends up inside the definition.
  return validatePool(structuredClone(value), file);
}
