import { AllotError } from '../errors.js';

/** Another project of the workspace has this name and version. */
export function projectExistsError(name: string, version: string): AllotError {
  return new AllotError(
    'ALREADY_EXISTS',
    `a project named "${name}" with version "${version}" already exists`,
    { field: 'name', name, version },
  );
}

/** No project of the workspace has this id. */
export function projectNotFoundError(id: number): AllotError {
  return new AllotError('NOT_FOUND', `project ${id} does not exist`, { project: id });
}
