import { randomUUID } from 'node:crypto';
import type { CatalogueStore } from '@allot/core';
import type { S3Target } from './object-storage.js';
import {
  checkS3Target,
  S3_INTEGRATION_KIND,
  toS3Integration,
  type S3IntegrationBody,
  type S3IntegrationView,
} from './s3-integration-records.js';

/**
 * Stores a new S3 integration of a workspace after checking its settings
 * (`INVALID_INPUT` naming the field). The bucket is not contacted here:
 * `/test` does that, so an integration can be set up before its bucket.
 */
export async function createS3Integration(
  store: CatalogueStore,
  input: {
    workspace: string;
    actor: string;
    name: string | null;
    active: boolean;
    target: S3Target;
  },
  now: Date,
): Promise<S3IntegrationView> {
  const body: S3IntegrationBody = {
    name: input.name,
    active: input.active,
    target: checkS3Target(input.target),
  };
  const record = await store.putCatalogue(
    {
      kind: S3_INTEGRATION_KIND,
      workspace: input.workspace,
      project: null,
      name: randomUUID(),
      body,
      actor: input.actor,
      expectedVersion: null,
    },
    now,
  );
  return toS3Integration(record);
}
