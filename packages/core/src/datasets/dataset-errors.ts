import { AllotError } from '../errors.js';

/** Another dataset of the project has this name. */
export function datasetExistsError(name: string): AllotError {
  return new AllotError(
    'ALREADY_EXISTS',
    `a dataset named "${name}" already exists in the project`,
    { field: 'name', name },
  );
}

/** Another variable of the project has this name. */
export function variableExistsError(name: string): AllotError {
  return new AllotError(
    'ALREADY_EXISTS',
    `a variable named "${name}" already exists in the project`,
    { field: 'name', name },
  );
}

/** No dataset of the workspace has this id. */
export function datasetNotFoundError(id: number): AllotError {
  return new AllotError('NOT_FOUND', `dataset ${id} does not exist`, { dataset: id });
}

/** No variable of the workspace has this id. */
export function variableNotFoundError(id: number): AllotError {
  return new AllotError('NOT_FOUND', `variable ${id} does not exist`, { variable: id });
}
