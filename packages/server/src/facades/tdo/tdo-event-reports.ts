import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { escapeMarkup } from '@allot/core';
import { eventReport, type EventReportKind, type EventReportLine } from '@allot/use-cases';
import { EventReportQuerySchema } from '@allot/protocol';
import { contextOf } from '../../app-context.js';
import { tdoCaller } from './tdo-credentials.js';

/** TDO's report routes and the report each reads. */
const REPORTS: ReadonlyArray<[string, EventReportKind]> = [
  ['sessionEvents', 'sessions'],
  ['filterRuleEvents', 'filterRules'],
  ['calculateCoverageEvents', 'calculateCoverage'],
  ['datablockContentRetrieveEvents', 'blockRetrieve'],
  ['dataAssemblyEvents', 'dataAssembly'],
];

/**
 * TDO's five event reports, GET with `startdate` (inclusive), `enddate`
 * (exclusive), `user`, and for data assembly `projectname` with
 * `projectversion`. An HTML table when the client asks for HTML first (a
 * browser), JSON otherwise.
 */
export const tdoEventReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const [path, report] of REPORTS) {
    app.get(
      `/${path}`,
      {
        schema: {
          tags: ['TDO'],
          summary: `TDO: the ${path} report`,
          querystring: EventReportQuerySchema,
        },
      },
      async (request, reply) => {
        const caller = await tdoCaller(app, request, reply, 'manager');
        const lines = await eventReport(contextOf(app).store, {
          workspace: caller.workspace,
          report,
          ...request.query,
        });
        if (!prefersHtml(request.headers.accept)) return lines;
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .send(htmlTable(path, lines));
      },
    );
  }
};

/** Whether an Accept header puts HTML before JSON, as a browser's does. */
function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  const html = types.findIndex((t) => t === 'text/html' || t === 'application/xhtml+xml');
  const json = types.findIndex((t) => t === 'application/json');
  return html >= 0 && (json < 0 || html < json);
}

function htmlTable(title: string, lines: readonly EventReportLine[]): string {
  const columns = [...new Set(lines.flatMap((line) => Object.keys(line)))];
  const cell = (value: unknown): string =>
    escapeMarkup(
      value === null || value === undefined
        ? ''
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value),
      'html',
    );
  const head = columns.map((c) => `<th>${cell(c)}</th>`).join('');
  const body = lines
    .map((line) => `<tr>${columns.map((c) => `<td>${cell(line[c])}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${cell(title)}</title></head><body>\n<h1>${cell(title)}</h1>\n<p>${lines.length} ${lines.length === 1 ? 'entry' : 'entries'}</p>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</body></html>\n`;
}
