import type { CatalogueStore } from '@allot/core';
import type { S3Target } from './object-storage.js';
import {
  checkS3Target,
  s3IntegrationRecord,
  toS3Integration,
  type S3IntegrationBody,
  type S3IntegrationView,
} from './s3-integration-records.js';

/**
 * Changes an S3 integration; what is omitted stays (the secret key too,
 * unless a new one is given). A new version by compare-and-set, so a
 * concurrent change fails with `VERSION_CONFLICT` rather than being lost.
 */
export async function updateS3Integration(
  store: CatalogueStore,
  target: { workspace: string; id: string; actor: string },
  changes: { name?: string | null; active?: boolean; target?: Partial<S3Target> },
  now: Date,
): Promise<S3IntegrationView> {
  const record = await s3IntegrationRecord(store, target.workspace, target.id);
  const current = record.body as S3IntegrationBody;
  const body: S3IntegrationBody = {
    name: changes.name === undefined ? current.name : changes.name,
    active: changes.active ?? current.active,
    target: checkS3Target({ ...current.target, ...changes.target }),
  };
  const stored = await store.putCatalogue(
    {
      kind: record.kind,
      workspace: record.workspace,
      project: record.project,
      name: record.name,
      body,
      actor: target.actor,
      keepId: true,
      expectedVersion: record.version,
    },
    now,
  );
  return toS3Integration(stored);
}
