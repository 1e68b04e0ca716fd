import { AllotError, type CatalogueRecord, type ProjectRecord } from '@allot/core';
import { readProject } from '@allot/use-cases';
import type { AssemblyRecord } from '@allot/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../app-context.js';
import { callerOf } from '../plugins/authenticate.js';

/** `{id}` of a project in the path. */
export const ProjectIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
});

/** The project a request names, in the caller's workspace only (`NOT_FOUND` otherwise). */
export function projectOfRequest(
  app: FastifyInstance,
  request: FastifyRequest,
  id: number,
): Promise<ProjectRecord> {
  return readProject(contextOf(app).store, callerOf(request).workspace, { id });
}

/** A catalogue record as the API shows it: without its workspace and project keys. */
export function assemblyRecordView(record: CatalogueRecord): AssemblyRecord {
  const { workspace: _workspace, project: _project, ...view } = record;
  return view;
}

/**
 * Runs a use case that checks a TDO `entity`, answering its field errors
 * as fields of the request body (`body.scenario.name`, not
 * `entity.scenario.name`).
 */
export async function withBodyFields<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AllotError && typeof error.details.field === 'string') {
      const field = error.details.field.replace(/^entity\b/, 'body');
      throw new AllotError(error.code, error.message.replace(/^entity\b/, 'body'), {
        ...error.details,
        field,
      });
    }
    throw error;
  }
}
