import { AllotError } from '../errors.js';

/**
 * A data view, scenario, workset or assembly request that breaks a rule.
 * Code `INVALID_INPUT`, the offending field's path in `field`, so a surface
 * answers with the field.
 */
export class AssemblyInputError extends AllotError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('INVALID_INPUT', `${field}: ${message}`, { field });
    this.name = 'AssemblyInputError';
    this.field = field;
  }
}
