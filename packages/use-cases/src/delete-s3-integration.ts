import type { CatalogueStore } from '@allot/core';
import { deleteCatalogueRecord } from './delete-catalogue-record.js';
import { s3IntegrationRecord } from './s3-integration-records.js';

/** Deletes an S3 integration (every version); NOT_FOUND when the workspace has none with this id. */
export async function deleteS3Integration(
  store: CatalogueStore,
  target: { workspace: string; id: string; actor: string },
  now: Date,
): Promise<void> {
  const record = await s3IntegrationRecord(store, target.workspace, target.id);
  await deleteCatalogueRecord(store, record, { actor: target.actor, now });
}
