import type { FastifyPluginAsync } from 'fastify';
import { tdoAssemblyRoutes } from './tdo-assembly.js';
import { tdoDownloadRoutes } from './tdo-download.js';
import { tdoEventReportRoutes } from './tdo-event-reports.js';
import { tdoUploadRoutes } from './tdo-upload.js';
import { tdoWorksetRoutes } from './tdo-worksets.js';

/**
 * The TDO routes of worksets, data assembly, uploads, downloads and event
 * reports, under `/core`: `/core/1.0/API/…`, and for downloads the API
 * version that chooses the format. The reference also shows the clone route
 * without a version (`/core/API/workSet/clone/…`): worksets answer there too.
 */
export const tdoAssemblyFacade: FastifyPluginAsync = async (app) => {
  await app.register(tdoWorksetRoutes, { prefix: '/1.0/API' });
  await app.register(tdoWorksetRoutes, { prefix: '/API' });
  await app.register(tdoAssemblyRoutes, { prefix: '/1.0/API' });
  await app.register(tdoUploadRoutes, { prefix: '/1.0/API' });
  await app.register(tdoEventReportRoutes, { prefix: '/1.0/API' });
  await app.register(tdoDownloadRoutes);
};
