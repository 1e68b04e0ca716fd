import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EventRecord } from '@allot/core';
import { listEvents } from '@allot/use-cases';
import { EventSchema, ListQuery, PageOf, withErrors, type Event } from '@allot/protocol';
import { Type } from 'typebox';
import { HttpError } from '../errors/http-error.js';
import { pageOfProbe } from '../pagination.js';
import { ODATA_WINDOW, odataPage, scalarFields, usesOData } from '../odata-list.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';

const TIME_FORMS = 'An ISO date (`2026-01-06`, midnight UTC) or date and time with a zone.';
const time = (bound: string) =>
  Type.String({ minLength: 10, maxLength: 40, description: `${bound} ${TIME_FORMS}` });

const EventQuery = Type.Object({
  ...ListQuery.properties,
  from: Type.Optional(time('Start, inclusive.')),
  to: Type.Optional(time('End, exclusive.')),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  kind: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  project: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 })),
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO time of the query, normalised; 400 naming the field when it is not one. */
function timeOf(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const ms = DATE_ONLY.test(value)
    ? Date.parse(`${value}T00:00:00Z`)
    : DATE_TIME.test(value)
      ? Date.parse(value)
      : NaN;
  if (Number.isNaN(ms)) {
    throw new HttpError(
      'VALIDATION_FAILED',
      `${field} must be an ISO date (2026-01-06) or date and time with a zone (2026-01-06T10:30:00Z)`,
      field,
    );
  }
  return new Date(ms).toISOString();
}

function eventView(event: EventRecord): Event {
  const { workspace: _workspace, ...view } = event;
  return view;
}

/** The event log of the caller's workspace: every change of state, filtered by time, actor, kind and project. */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['events'],
        summary: 'The event log, newest first (from inclusive, to exclusive)',
        querystring: EventQuery,
        response: withErrors({ 200: PageOf(Type.Partial(EventSchema)) }),
      },
    },
    async (request) => {
      const { limit, offset, actor, kind, project } = request.query;
      const from = timeOf(request.query.from, 'querystring.from');
      const to = timeOf(request.query.to, 'querystring.to');
      const events = await listEvents(contextOf(app).store, {
        workspace: callerOf(request).workspace,
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(actor === undefined ? {} : { actor }),
        ...(kind === undefined ? {} : { kind }),
        ...(project === undefined ? {} : { project }),
        page: usesOData(request.query)
          ? { limit: ODATA_WINDOW, offset: 0 }
          : { limit: limit + 1, offset },
      });
      if (usesOData(request.query))
        return odataPage(request, events.map(eventView), scalarFields(EventSchema.properties));
      return pageOfProbe(request, events.map(eventView), request.query);
    },
  );
};
