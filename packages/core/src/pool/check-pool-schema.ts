import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import type { PathIssue } from './issue-path.js';
import { schemaIssues } from './schema-issues.js';

/** Resolves from both `src/pool` and `dist/pool` to the package's `schema` folder. */
const SCHEMA_URL = new URL('../../schema/pool.schema.json', import.meta.url);

// Ajv is required with the first check, so a command that reads no pool file never loads it.
const require = createRequire(import.meta.url);

let validator: ValidateFunction | undefined;

/**
 * Checks a parsed pool document against the published pool schema.
 *
 * @returns every problem found, empty when the document matches
 */
export function checkPoolSchema(value: unknown): PathIssue[] {
  const validate = poolValidator();
  if (validate(value)) return [];
  return schemaIssues(validate.errors ?? [], value);
}

/** Compiled on first use, so importing core does not pay for Ajv's code generation. */
function poolValidator(): ValidateFunction {
  if (validator === undefined) {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
    // verbose: the messages for unknown properties list the schema's properties.
    const { Ajv: AjvClass } = require('ajv') as { Ajv: typeof Ajv };
    const ajv = new AjvClass({ allErrors: true, verbose: true, allowUnionTypes: true });
    validator = ajv.compile(schema);
  }
  return validator;
}
