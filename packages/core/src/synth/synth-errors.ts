import { AllotError } from '../errors.js';

/** A schema construct generation does not support, named with where it stands. */
export function unsupportedSchema(construct: string, at: string): AllotError {
  const where = at === '' ? '(root)' : at;
  return new AllotError(
    'UNSUPPORTED_SCHEMA',
    `Unsupported schema construct at ${where}: ${construct}`,
    {
      construct,
      path: where,
    },
  );
}

/** A schema that cannot be read at all, or points at something that does not exist. */
export function invalidSchema(message: string, at: string): AllotError {
  const where = at === '' ? '(root)' : at;
  return new AllotError('INVALID_SCHEMA', `Invalid schema at ${where}: ${message}`, {
    path: where,
  });
}

/** A constraint that names what does not exist or that its field cannot take. */
export function invalidConstraint(message: string, path: string): AllotError {
  return new AllotError('INVALID_CONSTRAINTS', `Invalid constraint on ${path}: ${message}`, {
    path,
  });
}

/** Schema and constraints that cannot all hold for the records asked for. */
export function constraintConflict(message: string, path: string): AllotError {
  return new AllotError('CONSTRAINT_CONFLICT', `Constraint conflict on ${path}: ${message}`, {
    path,
  });
}
