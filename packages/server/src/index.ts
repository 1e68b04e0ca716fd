/**
 * @allot/server: the Curiosity-compatible allocation API and the /api/v1
 * resource API over @allot/core. `buildApp` never listens; `startServer` does.
 */
export { buildApp } from './build-app.js';
export type { AllotApp } from './build-app.js';
export { startServer } from './start-server.js';
export type { RunningServer } from './start-server.js';
export type {
  BuildAppOptions,
  LogLevel,
  LogStream,
  RateLimitOptions,
  StartServerOptions,
} from './options.js';
export { parseCliOptions, USAGE } from './parse-cli-options.js';
export type { CliOptions } from './parse-cli-options.js';
export { bootstrapWorkspace, createWorkspaceWithAdminKey } from './bootstrap-workspace.js';
export type { NewWorkspace } from './bootstrap-workspace.js';
export { createApiKey } from './auth/create-api-key.js';
export type { CreatedApiKey } from './auth/create-api-key.js';
export { LOCAL_SERVER, ResolutionServers } from './resolution/resolution-servers.js';
export type {
  DefaultServer,
  ResolutionServer,
  ServerNameOptions,
} from './resolution/resolution-servers.js';
// The vendor job's schema lives in @allot/protocol; kept here for code that imported it from the server.
export { VENDOR_JOB_STATES, VENDOR_JOB_TYPES, VendorJobSchema } from '@allot/protocol';
export type { VendorJob } from '@allot/protocol';
export { openResolutionServers } from './resolution/open-resolution-servers.js';
export {
  parseResolutionServerFlag,
  parseResolutionServersEnv,
} from './resolution/resolution-server-config.js';
export type { ResolutionServerConfig } from './resolution/resolution-server-config.js';
export { CORE_ERROR_STATUS, SERVER_ERRORS } from './errors/error-catalogue.js';
export type { ResponseErrorCode, ServerErrorCode } from './errors/error-catalogue.js';
export type { ErrorBody } from './errors/error-body.js';
export { KEY_PREFIX } from './auth/api-key.js';
export type { AppContext } from './app-context.js';
