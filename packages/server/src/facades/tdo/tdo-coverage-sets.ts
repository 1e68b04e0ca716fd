import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CatalogueStore, ProjectStore } from '@allot/core';
import {
  createCoverageSet,
  deleteCoverageSet,
  listCoverageSets,
  lockCoverageSet,
  readCoverageSet,
  readDeterminingAttribute,
  unlockCoverageSet,
  updateCoverageSet,
  type CoverageSetRecord,
} from '@allot/use-cases';
import { withErrors } from '@allot/protocol';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { requireAdmin, requireEditor, tdoCaller, type TdoCaller } from './tdo-auth.js';
import { TdoBody, TdoIdParams } from './tdo-context.js';
import { entityOf, entityWithId } from './tdo-entity.js';
import { tdoCoverageSet, type TdoProject } from './tdo-views.js';

const CoverageSet = Type.Unknown({
  description: 'a coverage set version with its attributes and lock fields',
});

/** A set version with the details of the attribute versions it names. */
async function withAttributes(
  store: ProjectStore & CatalogueStore,
  caller: TdoCaller,
  set: CoverageSetRecord,
  project: TdoProject,
) {
  const attributes = await Promise.all(
    set.body.determiningAttributes.map((ref) =>
      readDeterminingAttribute(store, {
        workspace: caller.acting.workspace,
        project: caller.project,
        attribute: ref,
      }).catch(() => undefined),
    ),
  );
  return tdoCoverageSet(set, attributes, project);
}

/**
 * The reference's coverage set routes: create, update (a new version with
 * a new id, under the caller's lock), delete (Admin), get all, get details,
 * lock and unlock (the holder, or an Admin for anyone's lock).
 */
export const tdoCoverageSetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['TDO: coverage sets'];
  const { store } = contextOf(app);
  const where = (caller: TdoCaller) => ({
    workspace: caller.acting.workspace,
    project: caller.project,
  });

  app.post(
    '/1.0/API/coverageSet',
    {
      schema: {
        tags,
        summary: 'Create a coverage set (a name ending in _coverage), version 1.0',
        body: TdoBody,
        response: withErrors({ 200: CoverageSet }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      requireEditor(caller);
      const set = await createCoverageSet(
        store,
        { ...where(caller), set: entityOf(request.body), path: 'entity' },
        caller.acting,
      );
      return withAttributes(store, caller, set, request.body.context.project);
    },
  );

  app.patch(
    '/1.0/API/coverageSet',
    {
      schema: {
        tags,
        summary:
          'Update a coverage set version by entity.id (locked by you): the next version, with a new id',
        body: TdoBody,
        response: withErrors({ 200: CoverageSet }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      requireEditor(caller);
      const { id, changes } = entityWithId(request.body);
      const { set } = await updateCoverageSet(
        store,
        {
          ...where(caller),
          id,
          determiningAttributes: changes['determiningAttributes'],
          path: 'entity',
        },
        caller.acting,
      );
      return withAttributes(store, caller, set, request.body.context.project);
    },
  );

  app.delete(
    '/1.0/API/coverageSet/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a coverage set version with its rules (Admin only); answers true, 409 while a workset uses it',
        params: TdoIdParams,
        body: TdoBody,
        response: withErrors({ 200: Type.Boolean() }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      requireAdmin(caller);
      await deleteCoverageSet(
        store,
        { ...where(caller), id: request.params.id, force: true },
        caller.acting,
      );
      return true;
    },
  );

  app.post(
    '/1.0/API/coverageSets',
    {
      schema: {
        tags,
        summary: 'Get all coverage sets of the project: every version, with its attributes',
        body: TdoBody,
        response: withErrors({ 200: Type.Array(CoverageSet) }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      const sets = await listCoverageSets(store, where(caller));
      return Promise.all(
        sets.map((set) => withAttributes(store, caller, set, request.body.context.project)),
      );
    },
  );

  app.post(
    '/1.0/API/coverageSet/:id',
    {
      schema: {
        tags,
        summary: 'Get the details of a coverage set version',
        params: TdoIdParams,
        body: TdoBody,
        response: withErrors({ 200: CoverageSet }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      const set = await readCoverageSet(store, {
        ...where(caller),
        coverageSet: { id: request.params.id },
      });
      return withAttributes(store, caller, set, request.body.context.project);
    },
  );

  app.patch(
    '/1.0/API/coverageSet/lock/:id',
    {
      schema: {
        tags,
        summary: 'Lock a coverage set version (423 naming the holder when another user has it)',
        params: TdoIdParams,
        body: TdoBody,
        response: withErrors({ 200: CoverageSet }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      requireEditor(caller);
      const set = await lockCoverageSet(
        store,
        { ...where(caller), id: request.params.id },
        caller.acting,
      );
      return withAttributes(store, caller, set, request.body.context.project);
    },
  );

  app.patch(
    '/1.0/API/coverageSet/unlock/:id',
    {
      schema: {
        tags,
        summary: "Unlock a coverage set version: your own lock, or an Admin anyone's",
        params: TdoIdParams,
        body: TdoBody,
        response: withErrors({ 200: CoverageSet }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      const set = await unlockCoverageSet(
        store,
        { ...where(caller), id: request.params.id, force: caller.admin },
        caller.acting,
      );
      return withAttributes(store, caller, set, request.body.context.project);
    },
  );
};
