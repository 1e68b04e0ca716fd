import { writeParameterTable } from '@allot/core';
import { listDatasets } from './list-datasets.js';
import type { DatasetCaller, DatasetsStore } from './dataset-caller.js';

/** A project's datasets as a parameter table file. */
export interface DatasetsExport {
  fileName: string;
  contentType: string;
  text: string;
}

const FILES: Record<string, { extension: string; contentType: string }> = {
  playwright: { extension: 'datasets.ts', contentType: 'text/plain; charset=utf-8' },
  jest: { extension: 'datasets.ts', contentType: 'text/plain; charset=utf-8' },
  pytest: { extension: 'datasets.py', contentType: 'text/x-python; charset=utf-8' },
};

/**
 * Every dataset of a project as a parameter table for Playwright, Jest
 * (`test.each`) or pytest (`parametrize`), one row per dataset in id order.
 *
 * @throws AllotError `INVALID_INPUT` naming `format`; `NOT_FOUND`; `PROJECT_ACCESS`
 */
export async function exportDatasets(
  store: DatasetsStore,
  input: { project: number; format: string },
  caller: DatasetCaller,
): Promise<DatasetsExport> {
  const file = FILES[input.format];
  const { datasets } = await listDatasets(
    store,
    input.project,
    { limit: 1_000_000, offset: 0 },
    caller,
  );
  const text = writeParameterTable(
    input.format,
    datasets.map((d) => ({ name: d.name, values: d.variables })),
    `Datasets of project ${input.project}, exported by allot: ${datasets.length} dataset(s).`,
  );
  return {
    fileName: `project-${input.project}.${file?.extension ?? 'txt'}`,
    contentType: file?.contentType ?? 'text/plain; charset=utf-8',
    text,
  };
}
