import type { CatalogueStore } from '@allot/core';
import type { ObjectStorage } from './object-storage.js';
import { s3IntegrationRecord, type S3IntegrationBody } from './s3-integration-records.js';

/**
 * Checks that an S3 integration's bucket answers to its credentials,
 * writing nothing; returns the bucket's name.
 *
 * @throws AllotError `NOT_FOUND`; `INTEGRATION_FAILED` saying what the bucket answered
 */
export async function testS3Integration(
  store: CatalogueStore,
  storage: ObjectStorage,
  target: { workspace: string; id: string },
): Promise<string> {
  const record = await s3IntegrationRecord(store, target.workspace, target.id);
  const body = record.body as S3IntegrationBody;
  await storage.check(body.target);
  return body.target.bucket;
}
