import type { CatalogueStore } from '@allot/core';
import { s3IntegrationRecord } from './s3-integration-records.js';

/** Deletes an S3 integration (every version); NOT_FOUND when the workspace has none with this id. */
export async function deleteS3Integration(
  store: CatalogueStore,
  target: { workspace: string; id: string; actor: string },
  now: Date,
): Promise<void> {
  const record = await s3IntegrationRecord(store, target.workspace, target.id);
  await store.deleteCatalogue(
    {
      kind: record.kind,
      workspace: record.workspace,
      project: record.project,
      name: record.name,
      actor: target.actor,
    },
    now,
  );
}
