import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { WORKSET_KIND } from '@allot/core';
import {
  cloneWorkset,
  createWorkset,
  deleteWorkset,
  latestRecords,
  recordById,
  unlockWorkset,
  updateWorkset,
} from '@allot/use-cases';
import { readProject } from '@allot/use-cases';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { requireAdmin, tdoCaller, type TdoCaller } from './tdo-auth.js';
import { TdoContextSchema, TdoIdParams as IdParams, type TdoContext } from './tdo-context.js';
import { tdoWorksetView } from './tdo-workset-view.js';

const ContextBody = Type.Object({ context: TdoContextSchema });
const EntityBody = Type.Object({ context: TdoContextSchema, entity: Type.Unknown() });
const tags = ['TDO'];

/** The caller (the context's user, as every TDO route checks it) and the context's project. */
async function callerIn(app: FastifyInstance, request: FastifyRequest, context: TdoContext) {
  const caller: TdoCaller = await tdoCaller(app, request, context);
  const project = await readProject(contextOf(app).store, caller.acting.workspace, caller.project);
  // The workset use cases check the role themselves, as they do for /api/v1.
  return {
    caller,
    project,
    user: caller.user.id,
    as: { user: caller.user.id, role: caller.admin ? ('admin' as const) : caller.user.role },
  };
}

/**
 * TDO's workset routes: create (POST `workSet`), update (PATCH `workSet`,
 * the id in `entity.id`), get all (POST `workSets`), details (POST
 * `workSet/{id}`), clone (POST `workSet/clone/{id}?name=`), unlock (PATCH
 * `workSet/unlock/{id}`) and delete (DELETE `workSet/{id}`, admins only,
 * answering `1`, or `0` when no such workset exists).
 */
export const tdoWorksetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, clock } = contextOf(app);

  app.post(
    '/workSet',
    { schema: { tags, summary: 'TDO: create a workset', body: EntityBody } },
    async (request) => {
      const { project, as } = await callerIn(app, request, request.body.context);
      const record = await createWorkset(store, project, request.body.entity, as, clock());
      return { status: 'OK', entity: tdoWorksetView(record) };
    },
  );

  app.patch(
    '/workSet',
    {
      schema: { tags, summary: 'TDO: update a workset (same id, next version)', body: EntityBody },
    },
    async (request) => {
      const { project, as } = await callerIn(app, request, request.body.context);
      const record = await updateWorkset(store, project, request.body.entity, as, clock());
      return { status: 'OK', entity: tdoWorksetView(record) };
    },
  );

  app.post(
    '/workSets',
    { schema: { tags, summary: 'TDO: every workset of the project', body: ContextBody } },
    async (request) => {
      const { project } = await callerIn(app, request, request.body.context);
      const records = await latestRecords(store, project, WORKSET_KIND);
      return { status: 'OK', entities: records.map(tdoWorksetView) };
    },
  );

  app.post(
    '/workSet/:id',
    { schema: { tags, summary: 'TDO: details of a workset', params: IdParams, body: ContextBody } },
    async (request) => {
      const { project } = await callerIn(app, request, request.body.context);
      const record = await recordById(store, project, WORKSET_KIND, request.params.id);
      return { status: 'OK', entity: tdoWorksetView(record) };
    },
  );

  app.post(
    '/workSet/clone/:id',
    {
      schema: {
        tags,
        summary: 'TDO: clone a workset under ?name= (ending in _workset)',
        params: IdParams,
        querystring: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })) }),
        body: ContextBody,
      },
    },
    async (request) => {
      const { project, as } = await callerIn(app, request, request.body.context);
      const record = await cloneWorkset(
        store,
        project,
        request.params.id,
        request.query.name,
        as,
        clock(),
      );
      return { status: 'OK', entity: tdoWorksetView(record) };
    },
  );

  app.patch(
    '/workSet/unlock/:id',
    {
      schema: {
        tags,
        summary: 'TDO: remove the lock on a workset (its holder or an admin)',
        params: IdParams,
        body: ContextBody,
      },
    },
    async (request) => {
      const { caller, project, user } = await callerIn(app, request, request.body.context);
      const record = await unlockWorkset(
        store,
        project,
        request.params.id,
        { user, admin: caller.admin },
        clock(),
      );
      return { status: 'OK', entity: tdoWorksetView(record) };
    },
  );

  app.delete(
    '/workSet/:id',
    {
      schema: {
        tags,
        summary: 'TDO: delete a workset (admin); result 1, or 0 when none has this id',
        params: IdParams,
        body: ContextBody,
      },
    },
    async (request) => {
      const { caller, project, as } = await callerIn(app, request, request.body.context);
      // Before the id is looked up, so a User learns nothing of which ids exist.
      requireAdmin(caller);
      const exists = await recordById(store, project, WORKSET_KIND, request.params.id).then(
        () => true,
        () => false,
      );
      if (!exists) return { status: 'OK', result: 0 };
      const deleted = await deleteWorkset(store, project, request.params.id, as, clock());
      return { status: 'OK', result: deleted > 0 ? 1 : 0 };
    },
  );
};
