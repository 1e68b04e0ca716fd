import { HttpError } from '../../errors/http-error.js';
import type { TdoRequestBody } from './tdo-context.js';

/** The entity of a create request; the domain checks its fields and names them `entity.…`. */
export function entityOf(body: TdoRequestBody): Record<string, unknown> {
  if (body.entity === undefined)
    throw new HttpError('VALIDATION_FAILED', 'entity is required', 'entity');
  return body.entity;
}

/**
 * The entity of an update request and its id, which the reference makes
 * mandatory there; the rest of the entity is the change.
 */
export function entityWithId(body: TdoRequestBody): {
  id: string;
  changes: Record<string, unknown>;
} {
  const { id, ...changes } = entityOf(body);
  if (typeof id !== 'string' || id === '')
    throw new HttpError('VALIDATION_FAILED', 'entity.id is required for an update', 'entity.id');
  return { id, changes };
}
