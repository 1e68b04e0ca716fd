import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createDeterminingAttribute,
  deleteDeterminingAttribute,
  listDeterminingAttributes,
  readDeterminingAttribute,
  updateDeterminingAttribute,
} from '@allot/use-cases';
import { withErrors } from '@allot/protocol';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { requireAdmin, requireEditor, tdoCaller } from './tdo-auth.js';
import { TdoBody, TdoIdParams } from './tdo-context.js';
import { entityOf, entityWithId } from './tdo-entity.js';
import { tdoAttribute } from './tdo-views.js';

const Attribute = Type.Unknown({ description: 'a determining attribute with its id and version' });

/** The reference's determining attribute routes: create, update, delete, get all, get details. */
export const tdoDeterminingAttributeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['TDO: determining attributes'];
  const { store } = contextOf(app);

  app.post(
    '/1.0/API/determiningAttribute',
    {
      schema: {
        tags,
        summary: 'Create a determining attribute (VALUE or RANGE), version 1.0',
        body: TdoBody,
        response: withErrors({ 200: Attribute }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      requireEditor(caller);
      const record = await createDeterminingAttribute(
        store,
        {
          workspace: caller.acting.workspace,
          project: caller.project,
          attribute: entityOf(request.body),
          path: 'entity',
        },
        caller.acting,
      );
      return tdoAttribute(record, request.body.context.project);
    },
  );

  app.patch(
    '/1.0/API/determiningAttribute',
    {
      schema: {
        tags,
        summary:
          'Update a determining attribute by entity.id: values, priorities, group-by (next version, same id)',
        body: TdoBody,
        response: withErrors({ 200: Attribute }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      requireEditor(caller);
      const { id, changes } = entityWithId(request.body);
      const record = await updateDeterminingAttribute(
        store,
        {
          workspace: caller.acting.workspace,
          project: caller.project,
          id,
          changes,
          path: 'entity',
        },
        caller.acting,
      );
      return tdoAttribute(record, request.body.context.project);
    },
  );

  app.delete(
    '/1.0/API/determiningAttribute/:id',
    {
      schema: {
        tags,
        summary: 'Delete a determining attribute (Admin only)',
        params: TdoIdParams,
        body: TdoBody,
        response: withErrors({ 200: Type.Boolean() }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      requireAdmin(caller);
      await deleteDeterminingAttribute(
        store,
        { workspace: caller.acting.workspace, project: caller.project, id: request.params.id },
        caller.acting,
      );
      return true;
    },
  );

  app.post(
    '/1.0/API/determiningAttributes',
    {
      schema: {
        tags,
        summary: 'Get all determining attributes of the project (the latest version of each)',
        body: TdoBody,
        response: withErrors({ 200: Type.Array(Attribute) }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      const records = await listDeterminingAttributes(store, {
        workspace: caller.acting.workspace,
        project: caller.project,
      });
      return records.map((record) => tdoAttribute(record, request.body.context.project));
    },
  );

  app.post(
    '/1.0/API/determiningAttribute/:id',
    {
      schema: {
        tags,
        summary: 'Get the details of a determining attribute',
        params: TdoIdParams,
        body: TdoBody,
        response: withErrors({ 200: Attribute }),
      },
    },
    async (request) => {
      const caller = await tdoCaller(app, request, request.body.context);
      const record = await readDeterminingAttribute(store, {
        workspace: caller.acting.workspace,
        project: caller.project,
        attribute: { id: request.params.id },
      });
      return tdoAttribute(record, request.body.context.project);
    },
  );
};
