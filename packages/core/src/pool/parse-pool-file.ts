import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { PoolValidationError } from '../errors.js';
import type { PoolDefinition } from '../model.js';
import { locateLine } from './locate-line.js';
import { validatePool } from './validate-pool.js';

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

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
  const extension = extname(file).toLowerCase();
  if (!EXTENSIONS.has(extension)) {
    const message = `unsupported pool file extension "${extension}"; expected .yaml, .yml or .json`;
    throw new PoolValidationError(file, [{ path: '', message }]);
  }
  const counter = new LineCounter();
  // prettyErrors off: issue messages stay one line, the line number travels separately.
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const line = counter.linePos(syntax.pos[0]).line;
    throw new PoolValidationError(file, [
      { path: '', message: `syntax error: ${syntax.message}`, line },
    ]);
  }
  const value = toValue(document, file);
  return validatePool(value, file, (segments) => locateLine(document, counter, segments));
}

function toValue(document: Document, file: string): unknown {
  try {
    return document.toJS();
  } catch (error) {
    // Unresolved or excessive aliases only fail when values are built.
    const message = error instanceof Error ? error.message : String(error);
    throw new PoolValidationError(file, [{ path: '', message: `syntax error: ${message}` }]);
  }
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
