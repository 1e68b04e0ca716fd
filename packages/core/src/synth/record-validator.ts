import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { SchemaTree } from './field-tree.js';
import { FAST_FORMATS } from './fast-formats.js';
import { valueProblem } from './value-check.js';

// Ajv, its 2020-12 dialect and the formats are loaded on first use: every
// process that imports core (each CLI command) would pay for them otherwise.
const require = createRequire(import.meta.url);
const ajv07 = () => (require('ajv') as { Ajv: typeof Ajv }).Ajv;
const ajv2020 = () => (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020;
// ajv-formats is CommonJS: its function is the module itself or its default.
const addFormats = (ajv: Ajv): void => {
  const module = require('ajv-formats') as { default?: (ajv: Ajv) => void } & ((ajv: Ajv) => void);
  (module.default ?? module)(ajv);
  const { fullFormats } = require('ajv-formats/dist/formats.js') as {
    fullFormats: Record<string, FullFormat>;
  };
  // The shapes generators write are accepted at a glance; the rest gets ajv-formats' own check.
  for (const [name, accept] of Object.entries(FAST_FORMATS)) {
    const full = fullFormats[name]!;
    const check = checkOf(full);
    const compare = full instanceof RegExp || typeof full === 'function' ? undefined : full.compare;
    ajv.addFormat(name, {
      type: 'string',
      validate: (text: string) => accept(text) || check(text),
      ...(compare === undefined ? {} : { compare }),
    });
  }
};

/** A format as ajv-formats defines it: a regular expression, a function, or either with a comparison. */
type FullFormat =
  | RegExp
  | ((text: string) => boolean)
  | {
      validate: RegExp | ((text: string) => boolean);
      compare?: (a: string, b: string) => number | undefined;
    };

function checkOf(format: FullFormat): (text: string) => boolean {
  const validate =
    format instanceof RegExp || typeof format === 'function' ? format : format.validate;
  return validate instanceof RegExp ? (text) => validate.test(text) : validate;
}

/** Checks one record against its schema: the problem as text, or null when it is valid. */
export type RecordValidator = (record: unknown) => string | null;

/**
 * A validator for the records of a schema. JSON Schema records are checked
 * by ajv against the schema document itself (not the field tree, so a fault
 * in reading the schema shows up as an invalid record), with ajv-formats'
 * formats; XSD records get the structural check of the field tree. The
 * document reaching ajv has passed the reader, which admits only known
 * keywords and local `$ref`s, so ajv compiles nothing a schema author could
 * use to reach outside it. Every record goes through ajv; the date, date-time,
 * time and uuid formats first try {@link FAST_FORMATS}, which accept only
 * what ajv-formats accepts, so the verdicts are ajv-formats' own.
 */
export function createRecordValidator(tree: SchemaTree): RecordValidator {
  if (tree.language === 'xsd' || tree.document === null)
    return (record) => valueProblem(tree.root, record);
  const options = {
    allErrors: false,
    strict: false,
    validateFormats: true,
    // Decimal steps (multipleOf 0.01) divide with float error; ajv's own remedy.
    multipleOfPrecision: 9,
  };
  const ajv =
    tree.dialect === 'draft-07'
      ? new (ajv07())(options)
      : (new (ajv2020())(options) as unknown as Ajv);
  addFormats(ajv);
  const validate: ValidateFunction = ajv.compile(tree.document);
  return (record) => (validate(record) ? null : ajv.errorsText(validate.errors));
}
