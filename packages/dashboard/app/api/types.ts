// The wire types of the routes the dashboard reads: @allot/protocol's, erased when built.
export type {
  BlockRowsPage,
  BlockVersion,
  Event,
  FindForecastView,
  JobStatus,
  JobSummary,
  JobTestStatus,
  Lease,
  Pool,
  PoolForecast,
  PoolSummary,
  ReleaseOutcome,
  StoredResult,
} from '@allot/protocol';

/** `GET /api/v1/whoami`. */
export interface WhoAmI {
  workspace: string;
  keyId: string | null;
  role: string;
  superUser: boolean;
  actor: string;
}

import type { ExportFormatName } from '@allot/protocol';

/** The export formats of a block version download, as the server names them. */
export const DOWNLOAD_FORMATS = [
  'csv',
  'json',
  'tsv',
  'pipe',
  'csv-seq',
  'tsv-seq',
  'html',
  'xml',
  'sql',
  'sqlite',
  'x12-834',
  'alight',
] as const satisfies readonly ExportFormatName[];

// Fails to compile when the server offers a format the page does not list.
type Unlisted = Exclude<ExportFormatName, (typeof DOWNLOAD_FORMATS)[number]>;
export const EVERY_FORMAT_LISTED: [Unlisted] extends [never] ? true : never = true;
