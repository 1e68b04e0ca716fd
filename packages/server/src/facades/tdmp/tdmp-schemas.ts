import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  deleteSchema,
  listSchemas,
  readSchemaRecord,
  readSchemaRepr,
  uploadSchema,
  type SchemaBody,
} from '@allot/use-cases';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { roleAllows } from '../../auth/roles.js';
import { notFound } from '../../errors/http-error.js';
import { tdmpCaller } from './tdmp-auth.js';
import { actingOf } from '../../audit.js';
import { HttpError } from '../../errors/http-error.js';
import { callerOf } from '../../plugins/authenticate.js';

const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
/** `{id}` of a TDMP synthetic data route. */
export const TdmpIdParams = Type.Object({ id: Id });
/** `limit` and `offset` of TDMP lists, as the reference names them. */
export const TdmpPage = {
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
};

/**
 * Which projects the caller may see, as TDMP's projects group decides it:
 * Managers and above every project of the tenant, a Tester only the
 * projects they are a member of. What lies in another project answers 404,
 * as the reference says ("Resource ID is incorrect, or you lack access").
 */
export function tdmpProjectAccess(app: FastifyInstance, request: FastifyRequest) {
  const caller = tdmpCaller(request);
  const { store } = contextOf(app);
  const all = roleAllows(caller.role, 'manager');
  const seen = new Map<number, Promise<boolean>>();
  const visible = (project: number): Promise<boolean> => {
    if (all) return Promise.resolve(true);
    let known = seen.get(project);
    if (known === undefined) {
      known = store
        .getProject(caller.workspace, project)
        .then((p) => p?.members.some((m) => m.user === caller.user) ?? false);
      seen.set(project, known);
    }
    return known;
  };
  return {
    visible,
    /** Throws the reference's 404 unless the caller may see what belongs to `project`. */
    async check<T extends { project: number }>(item: T, what: string): Promise<T> {
      if (!(await visible(item.project))) throw notFound(`${what} not found`);
      return item;
    },
    /** The items of visible projects, one page of them. */
    async page<T extends { project: number }>(
      items: readonly T[],
      page: { limit: number; offset: number },
    ): Promise<T[]> {
      const kept: T[] = [];
      for (const item of items) if (await visible(item.project)) kept.push(item);
      return kept.slice(page.offset, page.offset + page.limit);
    },
  };
}

/** Everything of a kind at once, for {@link tdmpProjectAccess}'s `page` to cut. */
export const ALL = { limit: 100_000, offset: 0 };

/** TDMP's names of the schema languages; `json-schema` and `jsonschema` are accepted too. */
const SchemaType = Type.Union([
  Type.Literal('json'),
  Type.Literal('json-schema'),
  Type.Literal('jsonschema'),
  Type.Literal('xsd'),
]);

const UploadBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  project_id: Id,
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  schema_type: Type.Optional(SchemaType),
  content: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Object({})])),
  /** The schema file of a multipart upload (`-F file=@customers.xsd`), in place of `content`. */
  file: Type.Optional(Type.String({ minLength: 1 })),
  root_element: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

/** A schema as TDMP shows it. */
export function tdmpSchemaView(schema: SchemaBody) {
  return {
    schema_id: schema.id,
    id: schema.id,
    name: schema.name,
    description: schema.description,
    project_id: schema.project,
    schema_type: schema.format === 'xsd' ? 'xsd' : 'json',
    record_name: schema.recordName,
    root_element: schema.recordElement,
    content: schema.source,
    created_by: schema.createdBy,
    created_at: schema.createdAt,
  };
}

/**
 * TDMP's schema routes: upload (JSON Schema or XSD, read into the field
 * tree at once: an unsupported construct is a 422 naming it), list, get,
 * `repr` for constraint building, delete.
 */
export const tdmpSchemaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, events, uploadLimit } = contextOf(app);
  const visibleSchema = async (request: FastifyRequest, id: number) =>
    tdmpProjectAccess(app, request).check(
      await readSchemaRecord(store, { workspace: callerOf(request).workspace, id }),
      'Schema',
    );

  // A schema file as a form upload: its text joins the form's fields, so one body schema checks both.
  await app.register(multipart, {
    limits: { fileSize: uploadLimit, files: 1, fields: 20, parts: 21 },
    attachFieldsToBody: 'keyValues',
    onFile: async (part) => {
      (part as unknown as { value: string }).value = (await part.toBuffer()).toString('utf8');
    },
  });

  app.post(
    '/schemas',
    { config: { role: 'tester' }, schema: { hide, body: UploadBody } },
    async (request, reply) => {
      const body = request.body;
      if (!(await tdmpProjectAccess(app, request).visible(body.project_id)))
        throw notFound('Project not found');
      const source = body.content ?? body.file;
      if (source === undefined)
        throw new HttpError(
          'VALIDATION_FAILED',
          'the schema is missing: send content or a file',
          'body.content',
        );
      const schema = await uploadSchema(
        store,
        events,
        {
          project: body.project_id,
          name: body.name,
          source,
          ...(body.description === undefined ? {} : { description: body.description }),
          ...(body.schema_type === undefined
            ? {}
            : { format: body.schema_type === 'xsd' ? 'xsd' : 'json-schema' }),
          ...(body.root_element === undefined ? {} : { recordElement: body.root_element }),
        },
        actingOf(app, request),
      );
      return reply.status(201).send(tdmpSchemaView(schema));
    },
  );

  app.get(
    '/schemas',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        querystring: Type.Object({ project_id: Type.Optional(Id), ...TdmpPage }),
      },
    },
    async (request) => {
      const { project_id, limit, offset } = request.query;
      const schemas = await listSchemas(store, {
        workspace: callerOf(request).workspace,
        project: project_id,
        page: ALL,
      });
      return (await tdmpProjectAccess(app, request).page(schemas, { limit, offset })).map(
        tdmpSchemaView,
      );
    },
  );

  app.get(
    '/schemas/:id',
    { config: { role: 'viewer' }, schema: { hide, params: TdmpIdParams } },
    async (request) => tdmpSchemaView(await visibleSchema(request, request.params.id)),
  );

  app.get(
    '/schemas/:id/repr',
    { config: { role: 'viewer' }, schema: { hide, params: TdmpIdParams } },
    async (request) => {
      await visibleSchema(request, request.params.id);
      const repr = await readSchemaRepr(store, {
        workspace: callerOf(request).workspace,
        id: request.params.id,
      });
      return {
        schema_id: request.params.id,
        schema_type: repr.language === 'xsd' ? 'xsd' : 'json',
        record_name: repr.recordName,
        fields: repr.fields,
      };
    },
  );

  app.delete(
    '/schemas/:id',
    { config: { role: 'admin' }, schema: { hide, params: TdmpIdParams } },
    async (request) => {
      await visibleSchema(request, request.params.id);
      await deleteSchema(store, { id: request.params.id }, actingOf(app, request));
      return { detail: 'Schema deleted' };
    },
  );
};
