import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SchemaTree } from './field-tree.js';
import { valueProblem } from './value-check.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as unknown as (ajv: Ajv) => void;

/** Checks one record against its schema: the problem as text, or null when it is valid. */
export type RecordValidator = (record: unknown) => string | null;

/**
 * A validator for the records of a schema. JSON Schema records are checked
 * by ajv against the schema document itself (not the field tree, so a fault
 * in reading the schema shows up as an invalid record), with ajv-formats'
 * formats; XSD records get the structural check of the field tree. The
 * document reaching ajv has passed the reader, which admits only known
 * keywords and local `$ref`s, so ajv compiles nothing a schema author could
 * use to reach outside it.
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
    tree.dialect === 'draft-07' ? new Ajv(options) : (new Ajv2020(options) as unknown as Ajv);
  addFormats(ajv);
  const validate: ValidateFunction = ajv.compile(tree.document);
  return (record) => (validate(record) ? null : ajv.errorsText(validate.errors));
}
