import { AllotError } from '../errors.js';
import type { SchemaTree } from './field-tree.js';
import { readJsonSchema } from './read-json-schema.js';
import { readXsd } from './read-xsd.js';

/** The schema languages {@link readSchema} reads. */
export type SchemaFormat = 'json-schema' | 'xsd';

/**
 * Reads a schema of either language into the one field tree. With no
 * format given, text starting with `<` is XSD, anything else JSON Schema.
 *
 * @throws AllotError `INVALID_SCHEMA`, `UNSUPPORTED_SCHEMA`, or
 *   `INVALID_INPUT` for an unknown format
 */
export function readSchema(
  source: string | object,
  format?: SchemaFormat,
  options: { recordElement?: string } = {},
): SchemaTree {
  const kind =
    format ??
    (typeof source === 'string' && source.trimStart().startsWith('<') ? 'xsd' : 'json-schema');
  if (kind === 'json-schema') return readJsonSchema(source);
  if (kind !== 'xsd')
    throw new AllotError(
      'INVALID_INPUT',
      `unknown schema format ${String(kind)} (json-schema, xsd)`,
      { field: 'format' },
    );
  if (typeof source !== 'string')
    throw new AllotError('INVALID_INPUT', 'an XSD is text', { field: 'source' });
  return readXsd(source, options);
}
