import { AllotError } from '../errors.js';

/**
 * Coverage input that breaks a rule: a determining attribute, coverage set,
 * business rule or calculation request. Code `INVALID_INPUT`, with the
 * offending field's path (`values[1].maxValue`) in `path` and in `details`
 * (as `path`, and as `field`, the name every surface answers with).
 */
export class CoverageInputError extends AllotError {
  readonly path: string;

  constructor(path: string, message: string) {
    super('INVALID_INPUT', `${path || '(root)'}: ${message}`, {
      path,
      ...(path === '' ? {} : { field: path }),
    });
    this.name = 'CoverageInputError';
    this.path = path;
  }
}
